package dev.sfapi.org;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent org calls at the same time on a bounded pool, one wave after another: submit a
 * wave, {@link #awaitAll()}, read the results, submit the next. The first failure cancels the rest of
 * the wave and is thrown: a run never continues on partial data.
 */
final class Parallel implements AutoCloseable {

    /** A call to the org. */
    @FunctionalInterface
    interface OrgTask<T> {
        T call() throws OrgException;
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService pool;
    private final ExecutorCompletionService<Object> completion;
    private final List<Future<?>> pending = new ArrayList<>();

    Parallel(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        int poolNumber = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(maxConcurrent, r -> {
            // Daemon: a call stuck in a socket read must never keep Maven's JVM alive.
            Thread t = new Thread(r, "sfapi-org-" + poolNumber + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.completion = new ExecutorCompletionService<>(pool);
    }

    /** Starts the task; its result is available from the future once {@link #awaitAll()} returned. */
    @SuppressWarnings("unchecked")
    <T> Future<T> submit(OrgTask<T> task) {
        Future<T> f = (Future<T>) completion.submit(task::call);
        pending.add(f);
        return f;
    }

    /** Waits for every submitted task; on the first failure cancels the others and throws it. */
    void awaitAll() throws OrgException {
        try {
            for (int i = 0; i < pending.size(); i++) {
                Future<Object> done = completion.take();
                try {
                    done.get();
                } catch (ExecutionException e) {
                    pending.forEach(f -> f.cancel(true));
                    throw rethrow(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            pending.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new OrgException(OrgException.Kind.UNAVAILABLE, "Reading from the org was interrupted.", e);
        } finally {
            pending.clear();
        }
    }

    /** The result of a task of a wave that {@link #awaitAll()} completed. */
    static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException | ExecutionException | CancellationException e) {
            throw new IllegalStateException("result() before awaitAll() completed the wave", e);
        }
    }

    private static OrgException rethrow(Throwable cause) {
        if (cause instanceof OrgException o) {
            return o;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new OrgException(OrgException.Kind.PROTOCOL, "Reading from the org failed: " + cause, cause);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
