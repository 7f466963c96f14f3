package dev.phoenix.page;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The page parsed by the JDK's XML parser (it must be well-formed XHTML), with XPath over local names. */
final class XhtmlDom {
  final Document doc;

  private XhtmlDom(Document doc) {
    this.doc = doc;
  }

  static XhtmlDom parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return new XhtmlDom(f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
  }

  List<Element> all(String xpath) throws Exception {
    NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        out.add((Element) nodes.item(i));
      }
    }
    return out;
  }

  /** Elements named {@code name} (any namespace) whose class list holds every class given. */
  List<Element> byClass(String name, String... classes) throws Exception {
    StringBuilder x = new StringBuilder("//*[local-name()='" + name + "'");
    for (String c : classes) {
      x.append(" and contains(concat(' ', normalize-space(@class), ' '), ' ").append(c).append(" ')");
    }
    return all(x.append(']').toString());
  }

  /** Cell texts of the rows of the first table whose caption contains {@code caption}. */
  List<List<String>> rows(String caption) throws Exception {
    List<List<String>> out = new ArrayList<>();
    for (Element tr : all("//*[local-name()='table'][contains(normalize-space(*[local-name()='caption']), '"
        + caption + "')]/*[local-name()='tbody']/*[local-name()='tr']")) {
      List<String> cells = new ArrayList<>();
      NodeList kids = tr.getChildNodes();
      for (int i = 0; i < kids.getLength(); i++) {
        if (kids.item(i).getNodeType() == Node.ELEMENT_NODE) {
          cells.add(kids.item(i).getTextContent().strip());
        }
      }
      out.add(cells);
    }
    return out;
  }
}
