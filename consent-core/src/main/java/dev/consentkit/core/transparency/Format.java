package dev.consentkit.core.transparency;

/** The output formats of generated documents. Every value from the catalogue is escaped for the format. */
public enum Format {
    /** CommonMark; values are escaped so they cannot add markup, links or HTML. */
    MARKDOWN("md"),
    /** An HTML fragment (no script); values are escaped as HTML text. */
    HTML("html");

    private final String extension;

    Format(String extension) {
        this.extension = extension;
    }

    /** @return the file extension of templates in this format, {@code md} or {@code html} */
    public String extension() {
        return extension;
    }

    /**
     * @param value a value from the catalogue, a receipt or the wording
     * @return the value as literal text in this format
     */
    String escape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 16);
        if (this == HTML) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> b.append("&amp;");
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '"' -> b.append("&quot;");
                    case '\'' -> b.append("&#39;");
                    default -> b.append(c);
                }
            }
            return b.toString();
        }
        // a value sits mid-line, but one that starts like a list item ("- x", "+ x", "1. x", "2) x")
        // would open one; those markers are escaped, other hyphens and dots stay as they are
        int lead = 0;
        while (lead < value.length() && Character.isWhitespace(value.charAt(lead))) {
            lead++;
        }
        int digits = lead;
        while (digits < value.length() && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
            digits++;
        }
        int marker = -1;
        if (digits == lead && lead < value.length() && (value.charAt(lead) == '-' || value.charAt(lead) == '+')) {
            marker = lead;
        } else if (digits > lead && digits < value.length() && (value.charAt(digits) == '.' || value.charAt(digits) == ')')) {
            marker = digits;
        }
        if (marker >= 0 && marker + 1 < value.length() && !Character.isWhitespace(value.charAt(marker + 1))) {
            marker = -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                // a value must not start a block (heading, list, quote) or a new line
                case '\n', '\r' -> b.append(' ');
                case '\\', '`', '*', '_', '[', ']', '#', '|', '~', '!' -> b.append('\\').append(c);
                default -> {
                    if (i == marker) {
                        b.append('\\');
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }
}
