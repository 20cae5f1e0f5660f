package org.flowscope.app.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgCurvePlotTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void aNonFinitePointBreaksTheLineAndTheSeriesStaysInsideThePlotArea() throws Exception {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0, 1, Double.NaN, 3, 4};
        Document d = parse(new SvgCurvePlot("t", "x", "y").series("s", x, y, 1).render());
        NodeList lines = d.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength(), "the NaN splits the series");
        for (int i = 0; i < lines.getLength(); i++) {
            for (String point : ((Element) lines.item(i)).getAttribute("points").split(" ")) {
                int px = Integer.parseInt(point.split(",")[0]);
                int py = Integer.parseInt(point.split(",")[1]);
                assertTrue(px >= 70 && px <= 780 && py >= 40 && py <= 440, point);
            }
        }
        // y spans [-0.2, 4.2] (5 % padding) over rows 440..40: y = 0 at 440 - 0.2 / 4.4 * 400 = 421.8
        assertEquals("70,422 248,331", ((Element) lines.item(0)).getAttribute("points"));
    }

    @Test
    void textIsEscapedSoTheFileStaysWellFormed() throws Exception {
        String svg = new SvgCurvePlot("a < b & \"c\"", "x", "y").series("s<1>", new double[] {0, 1}, new double[] {0, 1}, 1)
                .horizontal(0.5, "1/7").vertical(0.25, "r & s").render();
        Document d = parse(svg);
        assertEquals("svg", d.getDocumentElement().getTagName());
        assertTrue(d.getDocumentElement().getTextContent().contains("a < b & \"c\""));
    }

    @Test
    void seriesWithoutALabelStayOutOfTheLegend() {
        String svg = new SvgCurvePlot("t", "x", "y").series("", new double[] {0, 1}, new double[] {0, 1}, 1).render();
        assertFalse(svg.contains("stroke-width=\"1.0\"/>"), "no legend sample line");
    }

    @Test
    void mismatchedSeriesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SvgCurvePlot("t", "x", "y").series("s", new double[2], new double[3], 1));
        assertTrue(e.getMessage().contains("'s'"), e.getMessage());
    }
}
