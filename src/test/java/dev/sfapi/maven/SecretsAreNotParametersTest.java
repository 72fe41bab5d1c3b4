package dev.sfapi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.org.SettingKey;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * No credential is a plugin parameter. With {@code mvn -X}, Maven logs every parameter it injects
 * ({@code [DEBUG]   (f) accessToken = …}) and the execution's configuration; only a setting that is not
 * a parameter stays out of both. (An IT can't be the only guard: it proves one run, this proves the
 * descriptor Maven injects from.)
 *
 * <p>The check reads the generated plugin descriptor, {@code META-INF/maven/plugin.xml}: it is what Maven
 * injects from, and {@code @Parameter} has class retention, so reflection can't see the annotation.
 * Reflection adds that no mojo even has a field named like a credential, so none can be re-annotated.
 */
class SecretsAreNotParametersTest {

    private static final List<String> GOALS = List.of("validate-api-users", "snapshot");

    /** goal → parameter name → the expression of its configuration ("${sfapi.clientId}"), or "". */
    private static Map<String, Map<String, String>> mojos;

    @BeforeAll
    static void readDescriptor() throws Exception {
        mojos = new HashMap<>();
        for (URL url : Collections.list(SecretsAreNotParametersTest.class.getClassLoader()
                .getResources("META-INF/maven/plugin.xml"))) {
            Document doc;
            try (InputStream in = url.openStream()) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                doc = factory.newDocumentBuilder().parse(in);
            }
            if (!"sfapi".equals(text(doc.getDocumentElement(), "goalPrefix"))) {
                continue;
            }
            for (Element mojo : children(doc.getDocumentElement(), "mojos", "mojo")) {
                Map<String, String> parameters = new HashMap<>();
                for (Element parameter : children(mojo, "parameters", "parameter")) {
                    parameters.put(text(parameter, "name"), "");
                }
                Element configuration = child(mojo, "configuration");
                if (configuration != null) {
                    NodeList entries = configuration.getChildNodes();
                    for (int i = 0; i < entries.getLength(); i++) {
                        if (entries.item(i) instanceof Element entry) {
                            parameters.put(entry.getTagName(), entry.getTextContent().trim());
                        }
                    }
                }
                mojos.put(text(mojo, "goal"), parameters);
            }
        }
        assertTrue(mojos.keySet().containsAll(GOALS), "the descriptor of this plugin was found: " + mojos.keySet());
    }

    @Test
    void noCredentialIsAParameterOrInAConfigurationExpression() {
        for (String goal : mojos.keySet()) {
            Map<String, String> parameters = mojos.get(goal);
            for (SettingKey key : SettingKey.values()) {
                if (!key.isSecret()) {
                    continue;
                }
                assertFalse(parameters.containsKey(key.parameterName()),
                        goal + " must not have the parameter " + key.parameterName() + ": mvn -X would print it");
                parameters.forEach((name, expression) -> assertFalse(expression.contains(key.property()),
                        goal + ": parameter " + name + " reads " + expression));
            }
        }
    }

    @Test
    void everyOtherConnectionSettingIsADocumentedParameterWithItsProperty() {
        for (String goal : GOALS) {
            for (SettingKey key : SettingKey.values()) {
                if (!key.isSecret()) {
                    assertEquals("${" + key.property() + "}", mojos.get(goal).get(key.parameterName()),
                            goal + " " + key.parameterName());
                }
            }
        }
    }

    @Test
    void noMojoHasAFieldNamedLikeACredential() {
        for (Class<?> mojo : List.of(ValidateApiUsersMojo.class, SnapshotMojo.class)) {
            List<String> fields = new ArrayList<>();
            for (Class<?> c = mojo; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    fields.add(f.getName());
                }
            }
            for (SettingKey key : SettingKey.values()) {
                if (key.isSecret()) {
                    assertFalse(fields.contains(key.parameterName()), mojo.getSimpleName() + "." + key.parameterName());
                }
            }
        }
    }

    private static Element child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String container, String name) {
        Element box = child(parent, container);
        List<Element> result = new ArrayList<>();
        if (box != null) {
            NodeList nodes = box.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                    result.add(e);
                }
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
