package org.jetbridge.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table for {@link HtmlReport}: a header row and data rows of {@link Cell}s; numbers are formatted with
 * {@link Fmt#sig} to 4 significant digits unless given as cells. Cells may carry a pass/fail/warn status.
 */
public final class Table {
  /** Outcome styling of a cell. */
  public enum Status { NONE, PASS, FAIL, WARN }

  /** One cell: text in {@link Text} markup ({@code _{sub}}, {@code ^{sup}}) and a status. */
  public record Cell(String text, Status status) {
    public static Cell of(String text) {
      return new Cell(text, Status.NONE);
    }

    public static Cell pass(String text) {
      return new Cell(text, Status.PASS);
    }

    public static Cell fail(String text) {
      return new Cell(text, Status.FAIL);
    }

    public static Cell warn(String text) {
      return new Cell(text, Status.WARN);
    }

    /** "pass" or "fail" styled accordingly. */
    public static Cell verdict(boolean passed) {
      return passed ? pass("pass") : fail("fail");
    }
  }

  private final List<String> header;
  private final List<List<Cell>> rows = new ArrayList<>();
  private String caption = "";

  public Table(String... header) {
    if (header.length == 0) {
      throw new IllegalArgumentException("table: expected at least one column");
    }
    this.header = List.of(header);
  }

  public Table caption(String caption) {
    this.caption = caption;
    return this;
  }

  /**
   * Appends a row; each value is a {@link Cell}, a {@link Number} (4 significant digits; integers in full), a
   * Boolean (a pass/fail verdict), or anything else via {@code toString()}; null becomes "—".
   */
  public Table row(Object... values) {
    if (values.length != header.size()) {
      throw new IllegalArgumentException("table row " + (rows.size() + 1) + ": expected " + header.size()
          + " cells (" + header + "), got " + values.length + " " + Arrays.toString(values));
    }
    List<Cell> r = new ArrayList<>(values.length);
    for (Object v : values) {
      r.add(toCell(v));
    }
    rows.add(r);
    return this;
  }

  private static Cell toCell(Object v) {
    if (v instanceof Cell c) {
      return c;
    }
    if (v == null) {
      return Cell.of("—");
    }
    if (v instanceof Boolean b) {
      return Cell.verdict(b);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return Cell.of(v.toString());
    }
    if (v instanceof Number n) {
      return Cell.of(Fmt.sig(n.doubleValue(), 4));
    }
    return Cell.of(v.toString());
  }

  public List<String> header() {
    return header;
  }

  public int rows() {
    return rows.size();
  }

  public Cell cell(int row, int column) {
    return rows.get(row).get(column);
  }

  void appendHtml(StringBuilder out) {
    out.append("<table>\n");
    if (!caption.isEmpty()) {
      out.append("<caption>");
      Text.appendHtml(out, caption);
      out.append("</caption>\n");
    }
    out.append("<thead><tr>");
    for (String h : header) {
      out.append("<th>");
      Text.appendHtml(out, h);
      out.append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<Cell> r : rows) {
      out.append("<tr>");
      for (Cell c : r) {
        out.append(switch (c.status()) {
          case NONE -> "<td>";
          case PASS -> "<td class=\"pass\">";
          case FAIL -> "<td class=\"fail\">";
          case WARN -> "<td class=\"warn\">";
        });
        Text.appendHtml(out, c.text());
        out.append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }
}
