package org.masthead.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;

/**
 * Flat illustrations drawn on this machine for the demo stories: no stock photos, nothing fetched.
 * The motif gives the picture, the section its colours, the story key small variations.
 */
final class DemoImages {

    static final int WIDTH = 1600;
    static final int HEIGHT = 900;

    /** Sky top, sky bottom, ground/main, accent. */
    private static final Map<String, Color[]> PALETTES = Map.of(
            "politics", palette(0x1d3557, 0x457b9d, 0x0b1f33, 0xf1c453),
            "economy", palette(0x1b4332, 0x74c69d, 0x081c15, 0xffd166),
            "war", palette(0x3d405b, 0x8d99ae, 0x2b2d42, 0xef8354),
            "world", palette(0x03045e, 0x48cae4, 0x023047, 0xffb703),
            "culture", palette(0x5a189a, 0xe0aaff, 0x240046, 0xff7b00));

    private DemoImages() {
    }

    static BufferedImage draw(String motif, String section, String key) {
        var colors = PALETTES.getOrDefault(section, PALETTES.get("politics"));
        var random = new Random(key.hashCode());
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, colors[0], 0, HEIGHT, colors[1]));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            switch (motif) {
                case "skyline" -> skyline(g, colors, random);
                case "chart" -> chart(g, colors, random);
                case "field" -> field(g, colors, random);
                case "columns" -> columns(g, colors, random);
                case "mountains" -> mountains(g, colors, random);
                case "stage" -> stage(g, colors, random);
                case "harbor" -> harbor(g, colors, random);
                case "globe" -> globe(g, colors, random);
                default -> throw new IllegalArgumentException("Unknown demo image motif " + motif);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void skyline(Graphics2D g, Color[] c, Random r) {
        sun(g, c[3], 200 + r.nextInt(1200), 180 + r.nextInt(120), 120);
        for (int layer = 0; layer < 2; layer++) {
            g.setColor(layer == 0 ? blend(c[2], c[1], 0.45) : c[2]);
            int x = -20;
            while (x < WIDTH) {
                int w = 70 + r.nextInt(110);
                int h = (layer == 0 ? 260 : 160) + r.nextInt(layer == 0 ? 380 : 300);
                g.fillRect(x, HEIGHT - h, w, h);
                if (layer == 1) {
                    g.setColor(blend(c[3], c[2], 0.35));
                    for (int wy = HEIGHT - h + 20; wy < HEIGHT - 30; wy += 36) {
                        for (int wx = x + 12; wx < x + w - 20; wx += 28) {
                            if (r.nextInt(3) == 0) {
                                g.fillRect(wx, wy, 12, 18);
                            }
                        }
                    }
                    g.setColor(c[2]);
                }
                x += w + 6 + r.nextInt(20);
            }
        }
    }

    private static void chart(Graphics2D g, Color[] c, Random r) {
        g.setColor(blend(c[2], c[1], 0.8));
        for (int y = 150; y < HEIGHT - 100; y += 120) {
            g.fillRect(120, y, WIDTH - 240, 2);
        }
        int bars = 9;
        int gap = (WIDTH - 240) / bars;
        double value = 0.25 + r.nextDouble() * 0.2;
        var trend = new Path2D.Double();
        for (int i = 0; i < bars; i++) {
            value = Math.min(0.95, Math.max(0.1, value + (r.nextDouble() - 0.35) * 0.18));
            int h = (int) (value * (HEIGHT - 260));
            int x = 140 + i * gap;
            g.setColor(c[2]);
            g.fillRoundRect(x, HEIGHT - 100 - h, gap - 40, h, 12, 12);
            double cx = x + (gap - 40) / 2.0;
            double cy = HEIGHT - 130 - h;
            if (i == 0) {
                trend.moveTo(cx, cy);
            } else {
                trend.lineTo(cx, cy);
            }
        }
        g.setColor(c[3]);
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(trend);
    }

    private static void field(Graphics2D g, Color[] c, Random r) {
        sun(g, c[3], 300 + r.nextInt(1000), 420, 150);
        for (int band = 0; band < 5; band++) {
            var hill = new Path2D.Double();
            int base = 470 + band * 90;
            hill.moveTo(0, HEIGHT);
            hill.lineTo(0, base);
            for (int x = 0; x <= WIDTH; x += 200) {
                hill.lineTo(x, base - 30 + r.nextInt(60));
            }
            hill.lineTo(WIDTH, HEIGHT);
            hill.closePath();
            g.setColor(blend(band % 2 == 0 ? c[3] : c[2], c[2], 0.35 + band * 0.12));
            g.fill(hill);
        }
    }

    private static void columns(Graphics2D g, Color[] c, Random r) {
        int left = 250;
        int right = WIDTH - 250;
        var roof = new Path2D.Double();
        roof.moveTo(left - 60, 330);
        roof.lineTo(WIDTH / 2.0, 130 + r.nextInt(40));
        roof.lineTo(right + 60, 330);
        roof.closePath();
        g.setColor(c[2]);
        g.fill(roof);
        g.fillRect(left - 60, 330, right - left + 120, 50);
        int count = 6 + r.nextInt(3);
        int step = (right - left) / (count - 1);
        for (int i = 0; i < count; i++) {
            g.setColor(blend(c[3], Color.WHITE, 0.55));
            g.fillRect(left + i * step - 28, 380, 56, 380);
        }
        g.setColor(c[2]);
        g.fillRect(left - 100, 760, right - left + 200, 40);
        g.fillRect(left - 160, 800, right - left + 320, 100);
    }

    private static void mountains(Graphics2D g, Color[] c, Random r) {
        sun(g, c[3], 250 + r.nextInt(1100), 200, 90);
        for (int layer = 0; layer < 3; layer++) {
            var range = new Path2D.Double();
            range.moveTo(0, HEIGHT);
            int x = 0;
            range.lineTo(0, 600 + layer * 80);
            while (x < WIDTH) {
                x += 150 + r.nextInt(200);
                range.lineTo(x - 80, 250 + layer * 120 + r.nextInt(150));
                range.lineTo(x, 560 + layer * 80 + r.nextInt(60));
            }
            range.lineTo(WIDTH, HEIGHT);
            range.closePath();
            g.setColor(blend(c[2], c[1], 0.6 - layer * 0.25));
            g.fill(range);
        }
    }

    private static void stage(Graphics2D g, Color[] c, Random r) {
        g.setColor(c[2]);
        g.fillRect(0, 0, WIDTH, 120);
        g.setColor(blend(c[3], c[2], 0.4));
        g.fillRect(0, 700, WIDTH, 200);
        g.setColor(new Color(255, 255, 255, 60));
        var beam = new Path2D.Double();
        int spot = 500 + r.nextInt(600);
        beam.moveTo(spot - 40, 120);
        beam.lineTo(spot + 40, 120);
        beam.lineTo(spot + 220, 760);
        beam.lineTo(spot - 220, 760);
        beam.closePath();
        g.fill(beam);
        g.setColor(c[0].darker());
        for (int side = 0; side < 2; side++) {
            for (int fold = 0; fold < 6; fold++) {
                int x = side == 0 ? fold * 55 : WIDTH - (fold + 1) * 55;
                g.fillRoundRect(x, 100, 60, 620, 40, 40);
            }
        }
    }

    private static void harbor(Graphics2D g, Color[] c, Random r) {
        g.setColor(blend(c[1], c[2], 0.5));
        g.fillRect(0, 620, WIDTH, 280);
        g.setColor(c[2]);
        for (int i = 0; i < 3; i++) {
            int x = 900 + i * 200 + r.nextInt(40);
            g.setStroke(new BasicStroke(16));
            g.drawLine(x, 620, x, 260);
            g.drawLine(x - 40, 280, x + 180, 280);
            g.drawLine(x + 150, 280, x + 150, 420);
        }
        var hull = new Path2D.Double();
        int ship = 120 + r.nextInt(200);
        hull.moveTo(ship, 560);
        hull.lineTo(ship + 700, 560);
        hull.lineTo(ship + 640, 660);
        hull.lineTo(ship + 40, 660);
        hull.closePath();
        g.fill(hull);
        var palette = new Color[] {c[3], blend(c[3], Color.WHITE, 0.4), blend(c[1], c[2], 0.2)};
        for (int i = 0; i < 8; i++) {
            g.setColor(palette[r.nextInt(palette.length)]);
            g.fillRect(ship + 60 + i * 70, 490 + (i % 2) * 10, 64, 70 - (i % 2) * 10);
        }
    }

    private static void globe(Graphics2D g, Color[] c, Random r) {
        int size = 620;
        int x = (WIDTH - size) / 2 + r.nextInt(200) - 100;
        int y = (HEIGHT - size) / 2;
        g.setColor(c[2]);
        g.fill(new Ellipse2D.Double(x, y, size, size));
        g.setColor(c[3]);
        g.setStroke(new BasicStroke(6));
        g.draw(new Ellipse2D.Double(x, y, size, size));
        for (int m = 1; m < 4; m++) {
            double w = size * m / 4.0;
            g.draw(new Ellipse2D.Double(x + (size - w) / 2, y, w, size));
        }
        for (int p = 1; p < 4; p++) {
            int py = y + p * size / 4;
            double half = Math.sqrt(Math.pow(size / 2.0, 2) - Math.pow(py - (y + size / 2.0), 2));
            g.drawLine((int) (x + size / 2.0 - half), py, (int) (x + size / 2.0 + half), py);
        }
    }

    private static void sun(Graphics2D g, Color color, int x, int y, int radius) {
        g.setColor(color);
        g.fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2.0, radius * 2.0));
    }

    private static Color blend(Color a, Color b, double share) {
        double s = Math.max(0, Math.min(1, share));
        return new Color((int) (a.getRed() * (1 - s) + b.getRed() * s), (int) (a.getGreen() * (1 - s) + b.getGreen() * s),
                (int) (a.getBlue() * (1 - s) + b.getBlue() * s));
    }

    private static Color[] palette(int... rgb) {
        var colors = new Color[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            colors[i] = new Color(rgb[i]);
        }
        return colors;
    }
}
