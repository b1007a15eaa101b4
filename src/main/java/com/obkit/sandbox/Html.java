package com.obkit.sandbox;

/** Minimal HTML for the browser-facing pages (authorisation errors, login). */
final class Html {

  private Html() {}

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String page(String title, String bodyHtml) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title></head>\n<body>\n<h1>"
        + escape(title)
        + "</h1>\n"
        + bodyHtml
        + "\n</body></html>\n";
  }

  static String errorPage(int status, String code, String text) {
    return page(
        "Error " + status,
        "<p class=\"error-code\">"
            + escape(code)
            + "</p>\n<p class=\"error-text\">"
            + escape(text)
            + "</p>");
  }
}
