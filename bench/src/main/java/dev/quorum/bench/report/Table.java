// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table with a header row; the first column is left-aligned, the others
 * right-aligned (numbers). Also renders as Markdown for pasting into the docs.
 */
public final class Table {

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	/**
	 * Creates a table.
	 * @param header the column names
	 */
	public Table(String... header) {
		this.header = List.of(header);
	}

	/**
	 * Adds a row; cells may be strings or numbers (numbers formatted with
	 * {@link #number(double)}).
	 * @param cells one per column
	 * @return this table
	 */
	public Table row(Object... cells) {
		if (cells.length != this.header.size()) {
			throw new IllegalArgumentException(
					"a row of " + cells.length + " cells in a table of " + this.header.size() + " columns");
		}
		List<String> row = new ArrayList<>();
		for (Object c : cells) {
			row.add(switch (c) {
				case Integer i -> String.format(Locale.ROOT, "%,d", i);
				case Long l -> String.format(Locale.ROOT, "%,d", l);
				case Number n -> number(n.doubleValue());
				default -> String.valueOf(c);
			});
		}
		this.rows.add(row);
		return this;
	}

	/**
	 * Formats a number for a table: thousands separated, 1 decimal below 1,000 and 2
	 * decimals below 10, "n/a" for NaN.
	 * @param v the value
	 * @return the text
	 */
	public static String number(double v) {
		if (Double.isNaN(v) || Double.isInfinite(v)) {
			return "n/a";
		}
		double a = Math.abs(v);
		if (a >= 1000) {
			return String.format(Locale.ROOT, "%,.0f", v);
		}
		if (a >= 10 || v == Math.rint(v)) {
			return String.format(Locale.ROOT, "%.1f", v);
		}
		return String.format(Locale.ROOT, "%.2f", v);
	}

	/**
	 * Prints the table aligned in columns.
	 * @param out where to print
	 */
	public void print(PrintStream out) {
		int[] width = new int[this.header.size()];
		for (List<String> r : all()) {
			for (int i = 0; i < r.size(); i++) {
				width[i] = Math.max(width[i], r.get(i).length());
			}
		}
		boolean first = true;
		for (List<String> r : all()) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < r.size(); i++) {
				String cell = r.get(i);
				String pad = " ".repeat(width[i] - cell.length());
				line.append((i == 0) ? cell + pad : pad + cell);
				if (i + 1 < r.size()) {
					line.append("  ");
				}
			}
			out.println(line.toString().stripTrailing());
			if (first) {
				out.println("-".repeat(line.toString().stripTrailing().length()));
				first = false;
			}
		}
	}

	/**
	 * The table as Markdown.
	 * @return the Markdown text, one line per row
	 */
	public String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("| ").append(String.join(" | ", this.header)).append(" |\n|");
		for (int i = 0; i < this.header.size(); i++) {
			md.append((i == 0) ? " --- |" : " ---: |");
		}
		md.append('\n');
		for (List<String> r : this.rows) {
			md.append("| ").append(String.join(" | ", r)).append(" |\n");
		}
		return md.toString();
	}

	private List<List<String>> all() {
		List<List<String>> all = new ArrayList<>();
		all.add(this.header);
		all.addAll(this.rows);
		return all;
	}

}
