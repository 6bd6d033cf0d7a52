package dev.consentkit.core.transparency;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The fixed phrases of one language (legal bases, rights, units), with plural forms. */
final class Wording {
    private final Locale locale;
    private final Map<String, String> entries;

    Wording(Locale locale, Map<String, String> entries) {
        this.locale = locale;
        this.entries = Map.copyOf(entries);
    }

    String get(String key) {
        String v = entries.get(key);
        if (v == null) {
            throw new IllegalStateException("wording for locale " + locale.toLanguageTag() + " has no entry '" + key + "'");
        }
        return v;
    }

    String optional(String key, String fallback) {
        return entries.getOrDefault(key, fallback);
    }

    /** Replaces {@code {name}} placeholders of the entry with the given values. */
    String format(String key, String... namesAndValues) {
        String text = get(key);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            text = text.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        }
        return text;
    }

    /** @return e.g. "10 рабочих дней", "1 month": the unit entry holds forms separated by '|' */
    String count(int n, String unitKey) {
        String[] forms = get(unitKey).split("\\|");
        String form;
        if (forms.length == 3) {
            // East Slavic plural rule: one (1, 21), few (2-4, 22-24), many (the rest)
            int mod10 = Math.abs(n) % 10;
            int mod100 = Math.abs(n) % 100;
            form = mod10 == 1 && mod100 != 11 ? forms[0]
                    : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? forms[1] : forms[2];
        } else if (forms.length == 2) {
            form = Math.abs(n) == 1 ? forms[0] : forms[1];
        } else {
            form = forms[0];
        }
        return n + " " + form;
    }

    String period(Period p) {
        List<String> parts = new ArrayList<>();
        if (p.getYears() != 0) {
            parts.add(count(p.getYears(), "unit.years"));
        }
        if (p.getMonths() != 0) {
            parts.add(count(p.getMonths(), "unit.months"));
        }
        if (p.getDays() != 0) {
            parts.add(count(p.getDays(), "unit.days"));
        }
        return String.join(" ", parts);
    }

    /** @return each item, joined by the language's list separator */
    String join(List<String> items) {
        return String.join(optional("list.separator", ", "), items);
    }
}
