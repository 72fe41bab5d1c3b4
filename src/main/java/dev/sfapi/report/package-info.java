/**
 * The reports: what a CI log reader, a CI test tab and a run's summary page are told about a
 * {@link dev.sfapi.check.ValidationReport}. Plain Java, no Maven classes.
 *
 * <ul>
 *   <li>{@link dev.sfapi.report.ConsoleReport}: one block per integration and a summary line, through
 *       {@link dev.sfapi.report.ReportLog} (the mojo adapts Maven's {@code Log} to it).</li>
 *   <li>{@link dev.sfapi.report.JUnitXmlReport}: one test case per integration × requirement; warnings
 *       are {@code <skipped>}, never passes.</li>
 *   <li>{@link dev.sfapi.report.MarkdownReport}: verdict, integration table, problems with fixes.</li>
 *   <li>{@link dev.sfapi.report.Reports}: writes the file reports into one directory and appends the
 *       Markdown to {@code $GITHUB_STEP_SUMMARY} when it is set.</li>
 * </ul>
 *
 * <p>In the mojo: write the files first, then log the console report pointing at them, then log the
 * returned notes as warnings; a {@link dev.sfapi.report.ReportException} is a fault
 * ({@code MojoExecutionException}), unlike the findings themselves. Format decisions and samples:
 * {@code docs/reports.md}.
 */
package dev.sfapi.report;
