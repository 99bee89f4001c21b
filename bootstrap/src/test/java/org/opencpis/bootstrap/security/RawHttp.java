package org.opencpis.bootstrap.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, one request per connection, so a test can send what no well-behaved
 * client would: any bytes in the request target, headers and body. Reads back exactly one response
 * (Content-Length, chunked, or to the end of the connection).
 */
final class RawHttp {
    private static final int TIMEOUT_MILLIS = 20_000;

    private final String host;
    private final int port;

    RawHttp(URI server) {
        this.host = server.getHost();
        this.port = server.getPort();
    }

    /** A request: the method and target are sent verbatim (ISO-8859-1, so any byte can be given as a char). */
    record Request(String method, String target, List<String[]> headers, byte[] body, boolean chunked) {
        Request {
            headers = new ArrayList<>(headers);
        }

        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }
    }

    /** The answer; {@code status} is -1 when the server closed the connection without answering. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + headers + " " + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
        }
    }

    Reply exchange(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            try {
                write(socket.getOutputStream(), request);
            } catch (IOException e) {
                // the server may answer (413, 400) and close before reading everything: read what it said
            }
            return read(socket.getInputStream(), request.method().equals("HEAD"));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT_MILLIS + " ms to " + request.method() + " "
                    + abbreviated(request.target()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "...(" + text.length() + " chars)" : text;
    }

    private void write(OutputStream out, Request request) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        head.append("Connection: close\r\n");
        for (String[] header : request.headers()) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        byte[] body = request.body();
        if (body != null && request.chunked()) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null && request.chunked()) {
            int chunk = 8192;
            for (int offset = 0; offset < body.length; offset += chunk) {
                int length = Math.min(chunk, body.length - offset);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, offset, length);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    private static Reply read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new Reply(-1, Map.of(), new byte[0]);
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        byte[] body;
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            body = chunked(in);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.get(0)));
        } else {
            body = in.readAllBytes();
        }
        return new Reply(status, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return body.toByteArray();
            }
            int length = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (length == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    /** One CRLF-terminated line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int next = in.read();
            if (next == -1) {
                return line.size() == 0 && previous == -1 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (previous == '\r' && next == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(next);
            previous = next;
        }
    }
}
