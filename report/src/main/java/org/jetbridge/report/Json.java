package org.jetbridge.report;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal deterministic JSON for {@code metrics.json}: a writer and a reader with no dependencies.
 *
 * <p>Writing: {@link Map} (keys must be strings; written in the map's iteration order, so use a
 * {@link LinkedHashMap} or {@link #object}), {@link Iterable}, primitive and object arrays, records (components in
 * declaration order), {@link CharSequence}, {@link Boolean}, {@link Number}, enums (by name) and null. Integers
 * are written exactly; doubles with {@link Double#toString(double)} (shortest text that parses back to the same
 * double, so numbers round-trip bit for bit) and floats with {@link Float#toString(float)}. <b>Rule for special
 * numbers:</b> JSON has no NaN or infinity, so NaN, +∞ and −∞ are written as {@code null}; readers of our metrics
 * must treat null where a number is expected as "not a number" ({@link #number} returns NaN for it). Output is
 * indented by two spaces; arrays whose elements are all scalars stay on one line; the text ends with a newline.
 *
 * <p>Reading: {@link #parse} returns {@link LinkedHashMap} (insertion order kept), {@link ArrayList},
 * {@link String}, {@link Boolean}, null, and numbers as {@link Long} (integer literals that fit) or
 * {@link Double}. Errors name the line and column.
 */
public final class Json {
  private Json() {}

  /** An insertion-ordered object from alternating keys and values: {@code object("auc", 0.93, "n", 1000)}. */
  public static Map<String, Object> object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("JSON object: expected key/value pairs, got " + keysAndValues.length + " items");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (!(keysAndValues[i] instanceof String k)) {
        throw new IllegalArgumentException("JSON object: key at position " + i + " is " + keysAndValues[i] + ", expected a String");
      }
      if (m.put(k, keysAndValues[i + 1]) != null || m.size() * 2 != i + 2) {
        throw new IllegalArgumentException("JSON object: duplicate key \"" + k + "\"");
      }
    }
    return m;
  }

  /** The JSON text of {@code value}. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder(1024);
    writeValue(sb, value, 0, "$");
    sb.append('\n');
    return sb.toString();
  }

  /** Writes the JSON text of {@code value} to {@code file} atomically. */
  public static void writeFile(Path file, Object value) throws IOException {
    AtomicWrite.writeString(file, write(value));
  }

  private static void writeValue(StringBuilder sb, Object v, int indent, String path) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof CharSequence s) {
      string(sb, s.toString());
    } else if (v instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (v instanceof Number n) {
      number(sb, n);
    } else if (v instanceof Enum<?> e) {
      string(sb, e.name());
    } else if (v instanceof Map<?, ?> m) {
      writeObject(sb, m, indent, path);
    } else if (v instanceof Iterable<?> it) {
      List<Object> items = new ArrayList<>();
      it.forEach(items::add);
      writeArray(sb, items, indent, path);
    } else if (v.getClass().isArray()) {
      writeArray(sb, arrayItems(v), indent, path);
    } else if (v.getClass().isRecord()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (RecordComponent c : v.getClass().getRecordComponents()) {
        try {
          c.getAccessor().setAccessible(true);
          m.put(c.getName(), c.getAccessor().invoke(v));
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
          throw new IllegalArgumentException("JSON " + path + ": cannot read record component " + c.getName(), e);
        }
      }
      writeObject(sb, m, indent, path);
    } else {
      throw new IllegalArgumentException("JSON " + path + ": cannot write a " + v.getClass().getName()
          + " (expected map, list, array, record, string, number, boolean or null)");
    }
  }

  private static List<Object> arrayItems(Object array) {
    int n = java.lang.reflect.Array.getLength(array);
    List<Object> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(java.lang.reflect.Array.get(array, i));
    }
    return items;
  }

  private static void writeObject(StringBuilder sb, Map<?, ?> m, int indent, String path) {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getKey() instanceof String k)) {
        throw new IllegalArgumentException("JSON " + path + ": key " + e.getKey() + " is not a String");
      }
      pad(sb, indent + 1);
      string(sb, k);
      sb.append(": ");
      writeValue(sb, e.getValue(), indent + 1, path + "." + k);
      sb.append(++i < m.size() ? ",\n" : "\n");
    }
    pad(sb, indent);
    sb.append('}');
  }

  private static void writeArray(StringBuilder sb, List<Object> items, int indent, String path) {
    if (items.isEmpty()) {
      sb.append("[]");
      return;
    }
    boolean scalars = true;
    for (Object o : items) {
      if (o != null && !(o instanceof Number || o instanceof CharSequence || o instanceof Boolean || o instanceof Enum<?>)) {
        scalars = false;
        break;
      }
    }
    if (scalars) {
      sb.append('[');
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        writeValue(sb, items.get(i), indent, path + "[" + i + "]");
      }
      sb.append(']');
      return;
    }
    sb.append("[\n");
    for (int i = 0; i < items.size(); i++) {
      pad(sb, indent + 1);
      writeValue(sb, items.get(i), indent + 1, path + "[" + i + "]");
      sb.append(i + 1 < items.size() ? ",\n" : "\n");
    }
    pad(sb, indent);
    sb.append(']');
  }

  private static void pad(StringBuilder sb, int indent) {
    for (int i = 0; i < indent; i++) {
      sb.append("  ");
    }
  }

  private static void number(StringBuilder sb, Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger) {
      sb.append(n);
    } else if (n instanceof Float f) {
      sb.append(Float.isFinite(f) ? Float.toString(f) : "null");
    } else if (n instanceof BigDecimal b) {
      sb.append(b.toString());
    } else {
      double d = n.doubleValue();
      sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          boolean loneSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
              && Character.isHighSurrogate(s.charAt(i - 1)));
          if (c < 0x20 || c == 0x7f || loneSurrogate) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  // ---------------------------------------------------------------- reading

  /** Parses one JSON value (RFC 8259); surrounding whitespace allowed, anything else after it is an error. */
  public static Object parse(String text) {
    Reader r = new Reader(text);
    r.skipWs();
    Object v = r.value(0);
    r.skipWs();
    if (r.pos < text.length()) {
      throw r.error("expected end of input, got '" + text.charAt(r.pos) + "'");
    }
    return v;
  }

  /** Reads and parses a UTF-8 JSON file; errors name the file. */
  public static Object read(Path file) throws IOException {
    try {
      return parse(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The value at a path of object keys and array indices ({@code at(root, "tagger", "roc", 0)}), or throws naming
   * the first missing step.
   */
  public static Object at(Object root, Object... path) {
    Object v = root;
    StringBuilder where = new StringBuilder("$");
    for (Object step : path) {
      if (step instanceof String k && v instanceof Map<?, ?> m) {
        if (!m.containsKey(k)) {
          throw new IllegalArgumentException("JSON " + where + ": no key \"" + k + "\" (keys: " + m.keySet() + ")");
        }
        v = m.get(k);
        where.append('.').append(k);
      } else if (step instanceof Integer i && v instanceof List<?> l) {
        if (i < 0 || i >= l.size()) {
          throw new IllegalArgumentException("JSON " + where + ": index " + i + " outside 0.." + (l.size() - 1));
        }
        v = l.get(i);
        where.append('[').append(i).append(']');
      } else {
        throw new IllegalArgumentException("JSON " + where + ": cannot step by " + step + " into "
            + (v == null ? "null" : v.getClass().getSimpleName()));
      }
    }
    return v;
  }

  /** A parsed number as a double; null (the written form of NaN/±∞) gives NaN. Anything else is an error. */
  public static double number(Object parsed) {
    if (parsed == null) {
      return Double.NaN;
    }
    if (parsed instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("JSON: expected a number or null, got " + parsed.getClass().getSimpleName() + " " + parsed);
  }

  private static final class Reader {
    private static final int MAX_DEPTH = 512;
    final String s;
    int pos;

    Reader(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      int line = 1;
      int col = 1;
      for (int i = 0; i < pos && i < s.length(); i++) {
        if (s.charAt(i) == '\n') {
          line++;
          col = 1;
        } else {
          col++;
        }
      }
      return new IllegalArgumentException("JSON line " + line + ", column " + col + ": " + what);
    }

    void skipWs() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          break;
        }
      }
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nesting deeper than " + MAX_DEPTH);
      }
      if (pos >= s.length()) {
        throw error("expected a value, got end of input");
      }
      char c = s.charAt(pos);
      return switch (c) {
        case '{' -> object(depth);
        case '[' -> array(depth);
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            yield number();
          }
          throw error("expected a value, got '" + c + "'");
        }
      };
    }

    private Object literal(String word, Object v) {
      if (!s.startsWith(word, pos)) {
        throw error("expected " + word);
      }
      pos += word.length();
      return v;
    }

    private Map<String, Object> object(int depth) {
      Map<String, Object> m = new LinkedHashMap<>();
      pos++;
      skipWs();
      if (pos < s.length() && s.charAt(pos) == '}') {
        pos++;
        return m;
      }
      while (true) {
        skipWs();
        if (pos >= s.length() || s.charAt(pos) != '"') {
          throw error("expected a string key");
        }
        int keyPos = pos;
        String k = string();
        skipWs();
        expect(':');
        skipWs();
        Object v = value(depth + 1);
        if (m.containsKey(k)) {
          pos = keyPos;
          throw error("duplicate key \"" + k + "\"");
        }
        m.put(k, v);
        skipWs();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
          continue;
        }
        if (pos < s.length() && s.charAt(pos) == '}') {
          pos++;
          return m;
        }
        throw error("expected ',' or '}' in object");
      }
    }

    private List<Object> array(int depth) {
      List<Object> l = new ArrayList<>();
      pos++;
      skipWs();
      if (pos < s.length() && s.charAt(pos) == ']') {
        pos++;
        return l;
      }
      while (true) {
        skipWs();
        l.add(value(depth + 1));
        skipWs();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
          continue;
        }
        if (pos < s.length() && s.charAt(pos) == ']') {
          pos++;
          return l;
        }
        throw error("expected ',' or ']' in array");
      }
    }

    private void expect(char c) {
      if (pos >= s.length() || s.charAt(pos) != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private String string() {
      pos++; // opening quote
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c < 0x20) {
          pos--;
          throw error("unescaped control character U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + " in string");
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (pos >= s.length()) {
          throw error("unterminated escape");
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case '/' -> sb.append('/');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw error("truncated \\u escape");
            }
            int code = 0;
            for (int i = 0; i < 4; i++) {
              int d = Character.digit(s.charAt(pos + i), 16);
              if (d < 0) {
                pos += i;
                throw error("expected 4 hex digits in \\u escape");
              }
              code = code * 16 + d;
            }
            pos += 4;
            sb.append((char) code);
          }
          default -> {
            pos--;
            throw error("invalid escape '\\" + e + "'");
          }
        }
      }
    }

    private Object number() {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
      }
      if (pos < s.length() && s.charAt(pos) == '0') {
        pos++;
      } else if (pos < s.length() && isDigit(s.charAt(pos))) {
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      } else {
        throw error("expected a digit");
      }
      boolean integral = true;
      if (pos < s.length() && s.charAt(pos) == '.') {
        integral = false;
        pos++;
        if (pos >= s.length() || !isDigit(s.charAt(pos))) {
          throw error("expected a digit after '.'");
        }
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        integral = false;
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        if (pos >= s.length() || !isDigit(s.charAt(pos))) {
          throw error("expected a digit in exponent");
        }
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      String t = s.substring(start, pos);
      if (integral) {
        try {
          return Long.parseLong(t);
        } catch (NumberFormatException tooBig) {
          return Double.parseDouble(t);
        }
      }
      return Double.parseDouble(t);
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
