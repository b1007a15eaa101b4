package com.obkit.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as written (java.net.http refuses malformed escapes), plain HTTP
 * only, and returns the raw response.
 */
final class RawHttp {

  private RawHttp() {}

  static String exchange(URI base, String method, String target, String extraHeaders, byte[] body) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String head =
          method
              + " "
              + target
              + " HTTP/1.1\r\nHost: "
              + base.getHost()
              + ":"
              + base.getPort()
              + "\r\nConnection: close\r\n"
              + extraHeaders
              + "Content-Length: "
              + body.length
              + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      return response.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }
}
