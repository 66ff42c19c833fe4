package org.uncts.cts.publication.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Colours, line styles and markers of the lines. The colours are the Okabe-Ito palette, safe for
 * the common colour-vision deficiencies, without its yellow (too pale on white) and black (kept
 * for the World line); after six lines the colours repeat with a dashed, then a dotted line, and
 * the marker shapes cycle on their own, so that no two of the first 18 lines look alike.
 */
final class Palette {

    static final Color WORLD = Color.BLACK;
    static final Color TEXT = new Color(0x222222);
    static final Color MUTED = new Color(0x555555);
    static final Color GRID = new Color(0xDDDDDD);

    private static final List<Color> COLOURS = List.of(
            new Color(0x0072B2), // blue
            new Color(0xD55E00), // vermillion
            new Color(0x009E73), // bluish green
            new Color(0xCC79A7), // reddish purple
            new Color(0xE69F00), // orange
            new Color(0x56B4E9)); // sky blue

    private static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}};

    private Palette() {
    }

    static Color colour(int i) {
        return COLOURS.get(i % COLOURS.size());
    }

    static Stroke stroke(int i, float width) {
        float[] dash = DASHES[(i / COLOURS.size()) % DASHES.length];
        return dash == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    static Stroke worldStroke(float width) {
        return new BasicStroke(width * 1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** Circle, square, triangle up, diamond, triangle down, by line number; {@code size} is the width. */
    static Shape shape(int i, double size) {
        double h = size / 2;
        return switch (i % 5) {
            case 0 -> new Ellipse2D.Double(-h, -h, size, size);
            case 1 -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9);
            case 2 -> polygon(0, -h * 1.15, h * 1.1, h * 0.85, -h * 1.1, h * 0.85);
            case 3 -> polygon(0, -h * 1.25, h * 1.1, 0, 0, h * 1.25, -h * 1.1, 0);
            default -> polygon(0, h * 1.15, h * 1.1, -h * 0.85, -h * 1.1, -h * 0.85);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int k = 2; k < xy.length; k += 2) {
            p.lineTo(xy[k], xy[k + 1]);
        }
        p.closePath();
        return p;
    }
}
