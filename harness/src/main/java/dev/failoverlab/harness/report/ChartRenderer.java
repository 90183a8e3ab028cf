package dev.failoverlab.harness.report;

import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.score.FaultWindows;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Line charts (1000×300 PNG) of one scenario's chart seed, one series per policy (and colour): load, p95 with the
 * SLO line, error rate, replicas per colour, traffic share. Fault onsets are vertical lines labelled with the fault;
 * each policy's actions are small ticks near the bottom, on a hidden 0..1 axis so they never distort the data axis.
 */
final class ChartRenderer {
    static final int WIDTH = 1000;
    static final int HEIGHT = 300;
    private static final Color[] POLICY_PAINT = {new Color(0xD9, 0x5F, 0x02), new Color(0x75, 0x70, 0xB3),
        new Color(0x1B, 0x9E, 0x77), new Color(0xE7, 0x29, 0x8A), new Color(0x66, 0xA6, 0x1E),
        new Color(0xA6, 0x76, 0x1D)};
    private static final float[][] COLOUR_DASH = {null, {6f, 4f}, {2f, 3f}};
    private static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    static {
        // must be set before the first AWT class loads; surefire and the CLI set it too
        System.setProperty("java.awt.headless", "true");
    }

    private ChartRenderer() {
    }

    /** A rendered chart: file name under charts/, caption and PNG bytes. */
    record Chart(String fileName, String title, byte[] png) {
    }

    static List<Chart> render(ScenarioResults r) {
        String prefix = fileSafe(r.scenario().name()) + "-";
        String seed = " (seed " + r.chartSeed() + ")";
        List<Chart> charts = new ArrayList<>();
        charts.add(png(prefix + "load.png", "Offered load and achieved rate" + seed, load(r)));
        charts.add(png(prefix + "p95.png", "p95 latency" + seed, latency(r)));
        charts.add(png(prefix + "errors.png", "Error rate" + seed, errors(r)));
        charts.add(png(prefix + "replicas.png", "Replicas per colour, desired and ready" + seed, replicas(r)));
        charts.add(png(prefix + "traffic.png", "Traffic share per colour" + seed, traffic(r)));
        return charts;
    }

    private static JFreeChart load(ScenarioResults r) {
        Lines lines = new Lines();
        RunRecording any = r.chartRuns().values().iterator().next();
        lines.add("offered", Color.BLACK, dash(1), series(any, s -> s.offeredRps()));
        int i = 0;
        for (Map.Entry<String, RunRecording> e : r.chartRuns().entrySet()) {
            double interval = e.getValue().intervalSeconds();
            lines.add(e.getKey() + " ok/s", policyPaint(i++), solid(), series(e.getValue(), s -> s.ok() / interval));
        }
        return chart(r, "Offered load and achieved rate", "requests/s", lines, false);
    }

    private static JFreeChart latency(ScenarioResults r) {
        Lines lines = new Lines();
        int i = 0;
        for (Map.Entry<String, RunRecording> e : r.chartRuns().entrySet()) {
            lines.add(e.getKey(), policyPaint(i++), solid(), series(e.getValue(), Sample::p95Ms));
        }
        JFreeChart chart = chart(r, "p95 latency", "p95 ms (log)", lines, true);
        ValueMarker slo = new ValueMarker(r.scenario().slo().latencyP95Ms(), Color.RED, dash(1));
        slo.setLabel("SLO " + Fmt.seconds(r.scenario().slo().latencyP95Ms()) + " ms");
        slo.setLabelFont(MARKER_FONT);
        slo.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        slo.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        slo.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        chart.getXYPlot().addRangeMarker(slo);
        return chart;
    }

    private static JFreeChart errors(ScenarioResults r) {
        Lines lines = new Lines();
        int i = 0;
        for (Map.Entry<String, RunRecording> e : r.chartRuns().entrySet()) {
            lines.add(e.getKey(), policyPaint(i++), solid(),
                    series(e.getValue(), s -> s.ok() + s.errors() == 0 ? Double.NaN
                            : 100.0 * s.errors() / (s.ok() + s.errors())));
        }
        return chart(r, "Error rate", "errors %", lines, false);
    }

    private static JFreeChart replicas(ScenarioResults r) {
        Lines lines = new Lines();
        int i = 0;
        for (Map.Entry<String, RunRecording> e : r.chartRuns().entrySet()) {
            Color paint = policyPaint(i++);
            List<String> colours = e.getValue().colors();
            for (int c = 0; c < colours.size(); c++) {
                String colour = colours.get(c);
                lines.add(e.getKey() + " " + colour + " ready", paint, stroke(2f, c),
                        series(e.getValue(), s -> s.color(colour).readyReplicas()));
                lines.add(e.getKey() + " " + colour + " desired", translucent(paint), stroke(1f, c),
                        series(e.getValue(), s -> s.color(colour).desiredReplicas()));
            }
        }
        return chart(r, "Replicas per colour", "replicas", lines, false);
    }

    private static JFreeChart traffic(ScenarioResults r) {
        Lines lines = new Lines();
        int i = 0;
        for (Map.Entry<String, RunRecording> e : r.chartRuns().entrySet()) {
            Color paint = policyPaint(i++);
            List<String> colours = e.getValue().colors();
            for (int c = 0; c < colours.size(); c++) {
                String colour = colours.get(c);
                lines.add(e.getKey() + " " + colour, paint, stroke(2f, c),
                        series(e.getValue(), s -> s.color(colour).trafficPercent()));
            }
        }
        return chart(r, "Traffic share per colour", "traffic %", lines, false);
    }

    /** Series with x in minutes; NaN (and non-positive values on a log axis) become gaps. */
    private static double[][] series(RunRecording run, ToDoubleFunction<Sample> y) {
        double[][] xy = new double[run.samples().size()][];
        for (int i = 0; i < xy.length; i++) {
            Sample s = run.samples().get(i);
            xy[i] = new double[] {s.tSeconds() / 60.0, y.applyAsDouble(s)};
        }
        return xy;
    }

    private static JFreeChart chart(ScenarioResults r, String title, String yLabel, Lines lines, boolean log) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < lines.names.size(); i++) {
            XYSeries s = new XYSeries(lines.names.get(i), false, true);
            for (double[] p : lines.points.get(i)) {
                boolean gap = Double.isNaN(p[1]) || (log && p[1] <= 0);
                s.add(p[0], gap ? null : p[1]);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, lines.paints.get(i));
            renderer.setSeriesStroke(i, lines.strokes.get(i));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "t (min)", yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.setAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setRange(0, r.scenario().durationSeconds() / 60.0);
        if (log) {
            plot.setRangeAxis(decades(yLabel, lines, r.scenario().slo().latencyP95Ms()));
        } else {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        }
        faultMarkers(plot, r.scenario());
        actionTicks(plot, r);
        return chart;
    }

    /**
     * A log axis over whole decades covering the data and the SLO, labelled 1, 10, 100, … (JFreeChart's default
     * labels a narrow range with fractional powers such as 10^1.6).
     */
    private static LogAxis decades(String label, Lines lines, double slo) {
        double min = slo;
        double max = slo;
        for (double[][] points : lines.points) {
            for (double[] p : points) {
                if (p[1] > 0) {
                    min = Math.min(min, p[1]);
                    max = Math.max(max, p[1]);
                }
            }
        }
        double low = Math.pow(10, Math.floor(Math.log10(min)));
        // a little headroom so a series or the SLO line at a power of ten does not sit on the frame
        double high = Math.pow(10, Math.ceil(Math.log10(max) + 0.15));
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1e-3);
        axis.setRange(low, high > low ? high : low * 10);
        axis.setTickUnit(new NumberTickUnit(1.0));
        axis.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    private static void faultMarkers(XYPlot plot, Scenario scenario) {
        int i = 0;
        for (FaultSpec f : scenario.faults()) {
            boolean repair = FaultWindows.isRepair(f);
            ValueMarker m = new ValueMarker(f.at().toMillis() / 60_000.0,
                    repair ? new Color(0x2E, 0x7D, 0x32) : new Color(0xB7, 0x1C, 0x1C), dash(1.2f));
            m.setLabel((repair ? "repair " : "") + f.deployment() + " " + f.label());
            m.setLabelFont(MARKER_FONT);
            m.setLabelPaint(m.getPaint());
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            // stagger labels of nearby faults so they do not print over each other
            m.setLabelOffset(new RectangleInsets(3 + 13 * (i++ % 3), 3, 3, 3));
            plot.addDomainMarker(m);
        }
    }

    /** One row of ticks per policy at its action times, on a hidden secondary axis fixed to 0..1. */
    private static void actionTicks(XYPlot plot, ScenarioResults r) {
        XYSeriesCollection ticks = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int i = 0;
        for (Map.Entry<String, RunRecording> e : r.chartRuns().entrySet()) {
            XYSeries s = new XYSeries("actions: " + e.getKey(), false, true);
            for (RunEvent ev : e.getValue().events()) {
                if (ev.kind().isAction()) {
                    s.add(ev.tSeconds() / 60.0, 0.03 + 0.045 * i);
                }
            }
            ticks.addSeries(s);
            renderer.setSeriesPaint(i, policyPaint(i));
            renderer.setSeriesShape(i, new Rectangle2D.Double(-1, -5, 2, 10));
            i++;
        }
        NumberAxis hidden = new NumberAxis();
        hidden.setRange(0, 1);
        hidden.setVisible(false);
        plot.setRangeAxis(1, hidden);
        plot.setDataset(1, ticks);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer);
    }

    private static Chart png(String file, String title, JFreeChart chart) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return new Chart(file, title, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart " + file, e);
        }
    }

    static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static Color policyPaint(int i) {
        return POLICY_PAINT[i % POLICY_PAINT.length];
    }

    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 140);
    }

    private static Stroke solid() {
        return new BasicStroke(1.6f);
    }

    private static Stroke dash(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
    }

    private static Stroke stroke(float width, int colourIndex) {
        float[] d = COLOUR_DASH[colourIndex % COLOUR_DASH.length];
        return d == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, d, 0f);
    }

    /** Series collected before building the dataset: name, paint, stroke, points. */
    private static final class Lines {
        final List<String> names = new ArrayList<>();
        final List<Paint> paints = new ArrayList<>();
        final List<Stroke> strokes = new ArrayList<>();
        final List<double[][]> points = new ArrayList<>();

        void add(String name, Paint paint, Stroke stroke, double[][] xy) {
            names.add(name);
            paints.add(paint);
            strokes.add(stroke);
            points.add(xy);
        }
    }
}
