package com.obkit.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kit serve}: serves the reports folder over HTTP on the loopback interface, so that the
 * folder Allure report (which a browser will not load from {@code file://}) and the links of {@code
 * verdict.html} into it work. Read-only; files outside the folder are never served.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serves the reports folder on http://127.0.0.1 (the Allure folder report and verdict.html"
            + " with its links to each scenario) until stopped with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--reports",
      defaultValue = "reports",
      description = "The reports folder (default: ${DEFAULT-VALUE}).")
  Path reports;

  @Option(
      names = "--port",
      defaultValue = "0",
      description = "Port on 127.0.0.1 (default: any free one).")
  int port;

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript",
          "css", "text/css",
          "json", "application/json",
          "svg", "image/svg+xml",
          "png", "image/png",
          "txt", "text/plain; charset=utf-8",
          "woff", "font/woff",
          "woff2", "font/woff2");

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path root = reports.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      System.err.println("kit serve: " + root + " is not a folder: run the kit first");
      return 2;
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", exchange -> serve(root, exchange));
    server.start();
    System.out.println(
        "Serving "
            + root
            + " on http://127.0.0.1:"
            + server.getAddress().getPort()
            + "/verdict.html (Allure: /allure-report/index.html); Ctrl-C stops it");
    new CountDownLatch(1).await(); // until the process is stopped
    return 0;
  }

  static void serve(Path root, HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
      Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      if (!"GET".equals(exchange.getRequestMethod())
          || !file.startsWith(root)
          || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String name = file.getFileName().toString();
      String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      exchange
          .getResponseHeaders()
          .set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
      exchange.sendResponseHeaders(200, Files.size(file));
      try (OutputStream out = exchange.getResponseBody()) {
        Files.copy(file, out);
      }
    }
  }
}
