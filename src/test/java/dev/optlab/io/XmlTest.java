package dev.optlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one escaper of the SVG files and the report. */
class XmlTest {
  @Test
  void markupIsEscapedAndWhatXmlCannotHoldIsReplaced() {
    assertEquals("a&lt;b&gt;&amp;&quot;c\uFFFDd\te\uD83D\uDE00", Xml.escape(
        "a<b>&\"c\u001Bd\te\uD83D\uDE00"));
    assertEquals("<g>\uFFFD</g>", Xml.text("<g>\u0001</g>"));
    assertEquals("\uFFFD", Xml.escape("\uD800"), "an unpaired surrogate");
  }
}
