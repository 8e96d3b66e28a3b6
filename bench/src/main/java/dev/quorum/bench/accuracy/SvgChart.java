// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of accuracies with their 95% intervals as whiskers, as a
 * self-contained SVG (no script, no external font), so the docs can embed it.
 */
final class SvgChart {

	private static final int PLOT_WIDTH = 480;

	private static final int ROW = 26;

	private static final int TOP = 48;

	private SvgChart() {
	}

	/**
	 * Renders the chart.
	 * @param title the title line
	 * @param subtitle a smaller second line (workload, machine)
	 * @param rows the strategies, top to bottom
	 * @return the SVG document
	 */
	static String render(String title, String subtitle, List<StrategySummary> rows) {
		// 12px sans-serif averages under 7px a character
		int labelWidth = 20 + 7 * rows.stream().mapToInt((s) -> s.label().length()).max().orElse(10);
		int height = TOP + rows.size() * ROW + 40;
		int width = Math.max(labelWidth + PLOT_WIDTH + 90, 7 * Math.max(title.length(), subtitle.length()));
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
						+ "font-family=\"sans-serif\" font-size=\"12\">%n",
				width, height, width, height));
		svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
		svg.append(text(10, 18, 14, "bold", title));
		svg.append(text(10, 36, 11, "normal", subtitle));
		int bottom = TOP + rows.size() * ROW;
		for (int pct = 0; pct <= 100; pct += 20) {
			double x = x(labelWidth, pct / 100.0);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, TOP - 4, x, bottom));
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%d%%</text>%n", x, bottom + 16,
					pct));
		}
		for (int i = 0; i < rows.size(); i++) {
			StrategySummary s = rows.get(i);
			int y = TOP + i * ROW;
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
					labelWidth - 8, y + 15, escape(s.label())));
			double acc = Double.isNaN(s.accuracy()) ? 0 : s.accuracy();
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4a7ebb\"/>%n", labelWidth, y + 4,
					x(labelWidth, acc) - labelWidth, ROW - 8));
			if (!Double.isNaN(s.low())) {
				double lo = x(labelWidth, s.low());
				double hi = x(labelWidth, s.high());
				int mid = y + ROW / 2;
				svg.append(String.format(Locale.ROOT,
						"<path d=\"M%.1f %dH%.1fM%.1f %dV%dM%.1f %dV%d\" stroke=\"#222\" fill=\"none\"/>%n", lo, mid,
						hi, lo, mid - 5, mid + 5, hi, mid - 5, mid + 5));
			}
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.1f%%</text>%n",
					x(labelWidth, Double.isNaN(s.high()) ? acc : s.high()) + 6, y + 15, 100 * acc));
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static double x(int labelWidth, double fraction) {
		return labelWidth + fraction * PLOT_WIDTH;
	}

	private static String text(int x, int y, int size, String weight, String content) {
		return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\">%s</text>%n", x,
				y, size, weight, escape(content));
	}

	static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
