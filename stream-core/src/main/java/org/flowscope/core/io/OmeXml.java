package org.flowscope.core.io;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowscope.core.frame.PixelType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The OME-XML of an OME-TIFF (schema 2016-06): written for one single-channel time series stored in one file
 * (XYCZT, one plane per IFD, pixel size in µm, time increment in s), and read from OME-TIFFs such as Micro-Manager's
 * ({@code PhysicalSizeX} with its unit, {@code TimeIncrement} or the planes' {@code DeltaT}).
 */
final class OmeXml {
    static final String NAMESPACE = "http://www.openmicroscopy.org/Schemas/OME/2016-06";

    /**
     * What flowscope needs of an OME-XML document.
     *
     * @param images     Image elements (Micro-Manager writes one per stage position)
     * @param sizeC      channels of the first image
     * @param sizeZ      slices of the first image
     * @param sizeT      time points of the first image
     * @param otherFiles whether its TiffData point into other files (a multi-file dataset)
     */
    record Info(int images, int sizeC, int sizeZ, int sizeT, OptionalDouble pixelSizeNm, OptionalDouble frameIntervalMs,
                boolean otherFiles, String dimensionOrder, OptionalDouble zStepNm) {
        /** Whether consecutive planes step through z before t (XYZCT, XYZTC, XYCZT), the order of a hyperstack. */
        boolean zBeforeT() {
            int z = dimensionOrder.indexOf('Z');
            int t = dimensionOrder.indexOf('T');
            return z < 0 || t < 0 || z < t;
        }
    }

    private OmeXml() {
    }

    static boolean looksLikeOme(String description) {
        return description != null && description.stripLeading().startsWith("<") && description.contains("<OME");
    }

    /**
     * OME-XML for {@code frames} planes of {@code width x height} pixels, planes 0..frames-1 in IFDs 0..frames-1: a
     * time series, or, when {@code md.slices() > 1} divides {@code frames}, {@code SizeZ = slices} slices per time
     * point (XYCZT: z fastest) with {@code PhysicalSizeZ} when the z step is known.
     */
    static String build(int width, int height, long frames, PixelType type, StackMetadata md, String imageName,
                        String channelName, String creator) {
        String omeType = switch (type) {
            case U8 -> "uint8";
            case U16 -> "uint16";
            case F32 -> "float";
        };
        int z = md.slices() > 1 && frames % md.slices() == 0 ? md.slices() : 1;
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<OME xmlns=\"").append(NAMESPACE).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:schemaLocation=\"").append(NAMESPACE).append(' ').append(NAMESPACE).append("/ome.xsd\"")
                .append(" UUID=\"urn:uuid:").append(UUID.randomUUID()).append("\" Creator=\"").append(escape(creator))
                .append("\">\n");
        sb.append(" <Image ID=\"Image:0\" Name=\"").append(escape(imageName)).append("\">\n");
        sb.append("  <Pixels ID=\"Pixels:0\" DimensionOrder=\"XYCZT\" Type=\"").append(omeType).append('"')
                .append(" SizeX=\"").append(width).append("\" SizeY=\"").append(height)
                .append("\" SizeC=\"1\" SizeZ=\"").append(z).append("\" SizeT=\"").append(frames / z).append('"')
                .append(" BigEndian=\"false\" Interleaved=\"false\" SignificantBits=\"").append(type.bytes() * 8).append('"');
        if (md.pixelSizeNm().isPresent()) {
            String um = number(md.pixelSizeNm().getAsDouble() / 1e3);
            sb.append(" PhysicalSizeX=\"").append(um).append("\" PhysicalSizeXUnit=\"\u00b5m\"")
                    .append(" PhysicalSizeY=\"").append(um).append("\" PhysicalSizeYUnit=\"\u00b5m\"");
        }
        if (z > 1 && md.zStepNm().isPresent()) {
            sb.append(" PhysicalSizeZ=\"").append(number(md.zStepNm().getAsDouble() / 1e3))
                    .append("\" PhysicalSizeZUnit=\"\u00b5m\"");
        }
        if (md.frameIntervalMs().isPresent()) {
            sb.append(" TimeIncrement=\"").append(number(md.frameIntervalMs().getAsDouble() / 1e3))
                    .append("\" TimeIncrementUnit=\"s\"");
        }
        sb.append(">\n");
        sb.append("   <Channel ID=\"Channel:0:0\" Name=\"").append(escape(channelName)).append("\" SamplesPerPixel=\"1\">")
                .append("<LightPath/></Channel>\n");
        sb.append("   <TiffData IFD=\"0\" PlaneCount=\"").append(frames).append("\"/>\n");
        sb.append("  </Pixels>\n </Image>\n</OME>\n");
        return sb.toString();
    }

    /** Parses an OME-XML description; throws {@link IllegalArgumentException} when it is not well-formed OME. */
    static Info parse(String xml) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable OME-XML in the TIFF description (" + e.getMessage() + ")", e);
        }
        NodeList images = doc.getElementsByTagNameNS("*", "Image");
        NodeList pixelsList = doc.getElementsByTagNameNS("*", "Pixels");
        if (pixelsList.getLength() == 0) {
            throw new IllegalArgumentException("OME-XML in the TIFF description has no Pixels element");
        }
        Element px = (Element) pixelsList.item(0);
        int c = intAttr(px, "SizeC");
        int z = intAttr(px, "SizeZ");
        int t = intAttr(px, "SizeT");
        OptionalDouble size = OptionalDouble.empty();
        double sx = doubleAttr(px, "PhysicalSizeX");
        if (sx > 0) {
            double factor = nmPer(px.getAttribute("PhysicalSizeXUnit"));
            if (factor > 0) {
                size = OptionalDouble.of(sx * factor);
            }
        }
        OptionalDouble zStep = OptionalDouble.empty();
        double sz = doubleAttr(px, "PhysicalSizeZ");
        if (sz > 0) {
            double factor = nmPer(px.getAttribute("PhysicalSizeZUnit"));
            if (factor > 0) {
                zStep = OptionalDouble.of(sz * factor);
            }
        }
        OptionalDouble interval = OptionalDouble.empty();
        double ti = doubleAttr(px, "TimeIncrement");
        if (ti > 0) {
            double factor = msPer(px.getAttribute("TimeIncrementUnit"));
            if (factor > 0) {
                interval = OptionalDouble.of(ti * factor);
            }
        }
        if (interval.isEmpty()) {
            interval = fromPlaneDeltaT(px);
        }
        boolean otherFiles = false;
        NodeList uuids = px.getElementsByTagNameNS("*", "UUID");
        String own = doc.getDocumentElement().getAttribute("UUID");
        for (int i = 0; i < uuids.getLength(); i++) {
            Element u = (Element) uuids.item(i);
            if (!u.getTextContent().trim().equals(own)) {
                otherFiles = true;
            }
        }
        String order = px.getAttribute("DimensionOrder").trim().toUpperCase(Locale.ROOT);
        return new Info(images.getLength(), Math.max(1, c), Math.max(1, z), Math.max(1, t), size, interval, otherFiles,
                order.isEmpty() ? "XYCZT" : order, zStep);
    }

    /** The median DeltaT step between consecutive time points (Micro-Manager records DeltaT, not TimeIncrement). */
    private static OptionalDouble fromPlaneDeltaT(Element px) {
        NodeList planes = px.getElementsByTagNameNS("*", "Plane");
        List<Double> times = new ArrayList<>();
        int lastT = -1;
        for (int i = 0; i < planes.getLength() && times.size() < 1001; i++) {
            Element p = (Element) planes.item(i);
            int t = intAttr(p, "TheT");
            double dt = doubleAttr(p, "DeltaT");
            double factor = msPer(p.getAttribute("DeltaTUnit"));
            if (t > lastT && dt >= 0 && p.hasAttribute("DeltaT") && factor > 0
                    && intAttr(p, "TheC") <= 0 && intAttr(p, "TheZ") <= 0) {
                times.add(dt * factor);
                lastT = t;
            }
        }
        if (times.size() < 2) {
            return OptionalDouble.empty();
        }
        double[] steps = new double[times.size() - 1];
        for (int i = 1; i < times.size(); i++) {
            steps[i - 1] = times.get(i) - times.get(i - 1);
        }
        java.util.Arrays.sort(steps);
        double median = steps[steps.length / 2];
        return median > 0 ? OptionalDouble.of(median) : OptionalDouble.empty();
    }

    private static int intAttr(Element e, String name) {
        try {
            return e.hasAttribute(name) ? Integer.parseInt(e.getAttribute(name).trim()) : 0;
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static double doubleAttr(Element e, String name) {
        try {
            double v = e.hasAttribute(name) ? Double.parseDouble(e.getAttribute(name).trim()) : 0;
            return Double.isFinite(v) ? v : 0;
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    /** nm per OME length unit; the schema's default is µm. */
    static double nmPer(String unit) {
        if (unit == null || unit.isBlank()) {
            return 1e3;
        }
        return switch (unit.trim()) {
            case "\u00b5m", "\u03bcm", "um", "micron" -> 1e3;
            case "nm" -> 1;
            case "\u00c5" -> 0.1;
            case "pm" -> 1e-3;
            case "mm" -> 1e6;
            case "cm" -> 1e7;
            case "m" -> 1e9;
            default -> 0;
        };
    }

    /** ms per OME time unit; the schema's default is s. */
    static double msPer(String unit) {
        if (unit == null || unit.isBlank()) {
            return 1e3;
        }
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "s" -> 1e3;
            case "ms" -> 1;
            case "\u00b5s", "\u03bcs", "us" -> 1e-3;
            case "ns" -> 1e-6;
            case "min" -> 60e3;
            case "h" -> 3600e3;
            default -> 0;
        };
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
