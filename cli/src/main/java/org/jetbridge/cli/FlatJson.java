package org.jetbridge.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jetbridge.io.InputException;

/**
 * Reads a flat JSON object of parameter overrides, e.g. {@code {"shower.muR": 2, "pileup.mode": "fixed"}}: keys are
 * strings, values strings, numbers or booleans (kept as the text written, so they reach the generator exactly).
 * Nested objects, arrays and null are refused. Errors are {@link InputException}s naming the file and line.
 */
final class FlatJson {
    private final String name;
    private final String text;
    private int pos;

    private FlatJson(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The key → value-text pairs of the file, in file order. */
    static Map<String, String> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), text);
    }

    static Map<String, String> parse(String name, String text) {
        return new FlatJson(name, text).object();
    }

    private Map<String, String> object() {
        Map<String, String> out = new LinkedHashMap<>();
        skip();
        expect('{', "a JSON object '{'");
        skip();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skip();
                if (peek() != '"') {
                    throw error("expected a key in double quotes");
                }
                String key = string();
                skip();
                expect(':', "':' after key \"" + key + "\"");
                skip();
                String value = value(key);
                if (out.put(key, value) != null) {
                    throw error("key \"" + key + "\" given twice");
                }
                skip();
                char c = peek();
                pos++;
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or '}' after the value of \"" + key + "\"");
                }
            }
        }
        skip();
        if (pos < text.length()) {
            throw error("unexpected text after the closing '}'");
        }
        return out;
    }

    private String value(String key) {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            throw error("value of \"" + key + "\" must be a string, number or boolean (flat object), not "
                    + (c == '{' ? "an object" : "an array"));
        }
        int start = pos;
        while (pos < text.length() && ",}\n\r\t ".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String v = text.substring(start, pos);
        if (v.equals("true") || v.equals("false")) {
            return v;
        }
        if (v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            return v;
        }
        pos = start;
        throw error("value of \"" + key + "\" must be a string, number or boolean, got '" + v + "'");
    }

    private String string() {
        pos++; // opening quote
        StringBuilder b = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("truncated \\u escape");
                        }
                        b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("unsupported escape \\" + e);
                }
            } else if (c == '\n') {
                break;
            } else {
                b.append(c);
            }
        }
        throw error("unterminated string");
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw error("expected " + what);
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of file");
        }
        return text.charAt(pos);
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private InputException error(String problem) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new InputException(name, line, problem);
    }
}
