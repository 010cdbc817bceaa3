package io.krrkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * krr-kit-bom pins every module a user can depend on, at the build's version: a module added to the
 * build without a BOM entry fails here. Modules that are not published (samples, benchmarks,
 * interop suites, the BOM itself) are listed by name below.
 */
class BomTest {
  private static final Path ROOT = Path.of(System.getProperty("krr.root", ".."));
  private static final List<String> NOT_PUBLISHED =
      List.of("samples", "bench", "interop-tests", "interop-spring6", "krr-kit-bom");

  @Test
  void theBomListsEveryPublishedModuleAtTheBuildsVersion() throws Exception {
    Document parent = parse(ROOT.resolve("pom.xml"));
    Document bom = parse(ROOT.resolve("krr-kit-bom/pom.xml"));

    List<String> published = new ArrayList<>();
    for (String module : texts(child(parent.getDocumentElement(), "modules"), "module")) {
      if (!NOT_PUBLISHED.contains(module)) {
        published.add(artifactId(parse(ROOT.resolve(module).resolve("pom.xml"))));
      }
    }
    Element managed = child(bom.getDocumentElement(), "dependencyManagement");
    List<String> pinned = texts(child(managed, "dependencies"), "artifactId");
    List<String> versions = texts(child(managed, "dependencies"), "version");

    assertThat(texts(child(parent.getDocumentElement(), "modules"), "module"))
        .contains("krr-kit-bom");
    assertThat(pinned)
        .as("artifacts in krr-kit-bom")
        .containsExactlyInAnyOrderElementsOf(published);
    assertThat(versions)
        .as("each pinned at the BOM's own version")
        .containsOnly("${project.version}");
    assertThat(text(bom.getDocumentElement(), "version"))
        .as("the BOM's version (it has no parent) is the build's")
        .isEqualTo(text(parent.getDocumentElement(), "version"));
  }

  private static Document parse(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static String artifactId(Document pom) {
    return text(pom.getDocumentElement(), "artifactId");
  }

  /** The text of {@code parent}'s direct child named {@code name}. */
  private static String text(Element parent, String name) {
    return child(parent, name).getTextContent().trim();
  }

  private static Element child(Element parent, String name) {
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
  }

  /** For each element in {@code container}: its text if it is a {@code leaf}, else its leaf's. */
  private static List<String> texts(Element container, String leaf) {
    List<String> out = new ArrayList<>();
    NodeList nodes = container.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e) {
        out.add(e.getTagName().equals(leaf) ? e.getTextContent().trim() : text(e, leaf));
      }
    }
    return out;
  }
}
