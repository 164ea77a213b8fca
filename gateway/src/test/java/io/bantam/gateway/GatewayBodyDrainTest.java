package io.bantam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.testing.WithPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refusal the caller can read while it is still sending: a 6 MiB note sent whole, as {@code fetch()} and most
 * clients send it (no {@code Expect: 100-continue}), gets the problem+json 413 rather than a connection reset.
 * Plain sockets, so that nothing between the test and the gateway reads or buffers on either side's behalf.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bantam.gateway.limits.max-discarded=8MB")
@WithPostgres  // the rate limits' database
class GatewayBodyDrainTest {

    static final int SIX_MIB = 6 * 1024 * 1024;
    static final int PIECE = 64 * 1024;

    @LocalServerPort
    int port;

    record Response(String statusLine, String headers, String body) {
        String header(String name) {
            return headers.lines()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse(null);
        }
    }

    @Test
    void aSixMebibyteBodySentWholeGetsTheProblem413NotAReset() throws Exception {
        String head = "POST /api/notes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + SIX_MIB + "\r\n\r\n";

        Exchange exchange = send(head, false);

        assertThat(exchange.response().statusLine()).startsWith("HTTP/1.1 413");
        assertThat(exchange.response().header("Content-Type")).startsWith("application/problem+json");
        assertThat(exchange.response().body()).contains("\"code\":\"request.too-large\"");
        assertThat(exchange.sentWhole()).as("the gateway read the whole body").isTrue();
    }

    @Test
    void aSixMebibyteChunkedBodyGetsTheProblem413NotAReset() throws Exception {
        // no length declared: counted as it streams (a public path, so nothing refuses it earlier)
        String head = "POST /api/auth/signup HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";

        Exchange exchange = send(head, true);

        assertThat(exchange.response().statusLine()).startsWith("HTTP/1.1 413");
        assertThat(exchange.response().header("Content-Type")).startsWith("application/problem+json");
        assertThat(exchange.response().body()).contains("\"code\":\"request.too-large\"");
        assertThat(exchange.sentWhole()).as("the gateway read the whole body").isTrue();
    }

    @Test
    void anyEarlyRefusalReachesACallerStillSending401() throws Exception {
        // no token: refused before anything reads the body, which is then read and thrown away
        String head = "POST /api/notes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";

        Exchange exchange = send(head, true);

        assertThat(exchange.response().statusLine()).startsWith("HTTP/1.1 401");
        assertThat(exchange.response().header("Content-Type")).startsWith("application/problem+json");
        assertThat(exchange.sentWhole()).as("the gateway read the whole body").isTrue();
    }

    @Test
    void beyondTheBoundTheGatewayStillAnswersAndClosesTheConnection() throws Exception {
        // 8 MB may be discarded (this class's setting); a 12 MiB body is cut off, with Connection: close
        int twelveMib = 2 * SIX_MIB;
        String head = "POST /api/notes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + twelveMib + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Boolean> sending = CompletableFuture.supplyAsync(() -> write(out, head, twelveMib,
                    false));
            // the caller reads as it sends (as a browser does): the answer comes once the bound is reached
            Response response = read(socket.getInputStream());
            assertThat(response.statusLine()).startsWith("HTTP/1.1 413");
            assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
            sending.get(30, TimeUnit.SECONDS);
        }
    }

    record Exchange(Response response, boolean sentWhole) {
    }

    /** Sends {@code head} and 6 MiB of body (chunked or not) from one thread while reading the answer. */
    Exchange send(String head, boolean chunked) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Boolean> sending = CompletableFuture.supplyAsync(() -> write(out, head, SIX_MIB,
                    chunked));
            // as fetch() does: the answer is read only after the whole body was sent
            boolean sentWhole = sending.get(30, TimeUnit.SECONDS);
            return new Exchange(read(socket.getInputStream()), sentWhole);
        }
    }

    /** Whether every byte could be written (false when the gateway closed or reset the connection first). */
    static boolean write(OutputStream out, String head, int size, boolean chunked) {
        byte[] piece = new byte[PIECE];
        Arrays.fill(piece, (byte) 'x');
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            for (int sent = 0; sent < size; sent += PIECE) {
                if (chunked) {
                    out.write((Integer.toHexString(PIECE) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(piece);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(piece);
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One HTTP/1.1 response with a {@code Content-Length}. */
    static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended before the answer's headers");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        String statusLine = text.substring(0, text.indexOf("\r\n"));
        String headers = text.substring(text.indexOf("\r\n") + 2);
        Response partial = new Response(statusLine, headers, "");
        int length = Integer.parseInt(partial.header("Content-Length"));
        byte[] body = in.readNBytes(length);
        return new Response(statusLine, headers, new String(body, StandardCharsets.UTF_8));
    }
}
