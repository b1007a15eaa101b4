package com.obkit.psu;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bank's browser host serving the reference login page of contract section 11, on an ephemeral
 * loopback port: {@code /auth/nl/v1/auth} sends the browser to {@code /auth/nl/v1/login?session=…};
 * the login posts back with a code, a wrong digipass shows the page again (after three: {@code
 * error=access_denied}), cancel comes back with {@code error=consent_required}. Tests replace or
 * add routes to make it misbehave. Records every request.
 */
final class FakeBank implements AutoCloseable {

  static final String IBAN = "NL91TRIO0123456789";
  static final String DIGIPASS = "1234567890";
  static final String CODE = "SplxlOBeZQQYbYS6WxSbIA";
  static final String STATE = "state-af0ifjsldkj-0123";
  static final String AUTH = "/auth/nl/v1/auth";
  static final String LOGIN = "/auth/nl/v1/login";

  /** A request as the bank saw it. */
  record Request(String method, String path, String query, String body) {
    /** {@code GET /path?query} or {@code POST /path body}. */
    String line() {
      return method
          + " "
          + path
          + (query == null ? "" : "?" + query)
          + (body.isEmpty() ? "" : " " + body);
    }

    Map<String, String> queryParameters() {
      return parse(query);
    }

    Map<String, String> form() {
      return parse(body);
    }
  }

  /** What the bank answers. */
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer redirect(String location) {
      return new Answer(302, Map.of("Location", location), "");
    }

    static Answer page(String html) {
      return new Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"), html);
    }

    static Answer status(int status, String html) {
      return new Answer(status, Map.of("Content-Type", "text/html; charset=utf-8"), html);
    }
  }

  /** One path's behaviour. */
  @FunctionalInterface
  interface Route {
    Answer answer(Request request);
  }

  private record Session(String redirectUri, String state, AtomicInteger wrongTries) {}

  private final HttpServer server;
  final String origin;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger sessionCount = new AtomicInteger();
  private volatile String digipass = DIGIPASS;
  private volatile String formAction = LOGIN;

  private FakeBank(HttpServer server) {
    this.server = server;
    this.origin = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  static FakeBank start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeBank bank = new FakeBank(server);
    bank.route(AUTH, bank::authorise);
    bank.route(LOGIN, bank::login);
    server.createContext("/", bank::handle);
    server.start();
    return bank;
  }

  /** The bank's port. */
  int originPort() {
    return server.getAddress().getPort();
  }

  /** Replaces (or adds) the behaviour of one path. */
  void route(String path, Route route) {
    routes.put(path, route);
  }

  /** The digipass the bank accepts from now on (to make it refuse the kit's). */
  void acceptDigipass(String accepted) {
    this.digipass = accepted;
  }

  /** The login form's {@code action} attribute from now on; null: none. */
  void formAction(String action) {
    this.formAction = action;
  }

  /** The {@code scaRedirect} link with state and PKCE appended, for a redirect URI. */
  URI authorisationUrl(String redirectUri) {
    return URI.create(
        origin
            + AUTH
            + "?response_type=code&scope=openid+offline_access+AIS%3Acon-1&client_id=client-1"
            + "&redirect_uri="
            + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
            + "&state="
            + STATE
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
            + "&code_challenge_method=S256");
  }

  /** The request lines the bank saw, in order. */
  List<String> lines() {
    return requests.stream().map(Request::line).toList();
  }

  /** The session id of the n-th authorisation (1, 2, ...). */
  static String session(int n) {
    return "session-" + n + "-0123456789";
  }

  private Answer authorise(Request request) {
    Map<String, String> q = request.queryParameters();
    String id = session(sessionCount.incrementAndGet());
    sessions.put(id, new Session(q.get("redirect_uri"), q.get("state"), new AtomicInteger()));
    return Answer.redirect(LOGIN + "?session=" + id);
  }

  private Answer login(Request request) {
    if (request.method().equals("GET")) {
      return Answer.page(
          loginPage(request.queryParameters().getOrDefault("session", ""), null, formAction));
    }
    Map<String, String> form = request.form();
    Session session = sessions.get(form.getOrDefault("session", ""));
    if (session == null) {
      return Answer.status(400, "<p>unknown session</p>");
    }
    String back = session.redirectUri() + (session.redirectUri().contains("?") ? "&" : "?");
    String state = "&state=" + URLEncoder.encode(session.state(), StandardCharsets.UTF_8);
    if ("cancel".equals(form.get("action"))) {
      return Answer.redirect(
          back + "error=consent_required&error_description=PSU+cancelled+the+login" + state);
    }
    if (IBAN.equals(form.get("iban")) && digipass.equals(form.get("digipass"))) {
      return Answer.redirect(back + "code=" + CODE + state);
    }
    if (session.wrongTries().incrementAndGet() >= 3) {
      return Answer.redirect(back + "error=access_denied" + state);
    }
    return Answer.page(
        loginPage(
            form.get("session"), "The IBAN and digipass do not match a test account.", formAction));
  }

  /** The reference login page (contract section 11). */
  static String loginPage(String session, String error, String action) {
    return "<!DOCTYPE html>\n<html><head><title>Sandbox login</title></head><body>\n"
        + (error == null ? "" : "<p class=\"error\">" + error + "</p>\n")
        + "<form method=\"post\""
        + (action == null ? "" : " action=\"" + action + "\"")
        + ">\n"
        + "<input type=\"hidden\" name=\"session\" value=\""
        + session
        + "\">\n"
        + "<label>IBAN <input name=\"iban\"></label>\n"
        + "<label>Digipass <input name=\"digipass\" inputmode=\"numeric\"></label>\n"
        + "<button type=\"submit\" name=\"action\" value=\"login\">Log in</button>\n"
        + "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button>\n"
        + "</form></body></html>\n";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request =
          new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), body);
      requests.add(request);
      Route route = routes.get(uri.getRawPath());
      Answer answer =
          route == null ? Answer.status(404, "<p>not found</p>") : route.answer(request);
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  static Map<String, String> parse(String encoded) {
    Map<String, String> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
