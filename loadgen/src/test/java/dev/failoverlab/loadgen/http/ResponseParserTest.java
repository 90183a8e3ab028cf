package dev.failoverlab.loadgen.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class ResponseParserTest {

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** Feeds the text one byte at a time, so every split point is exercised; returns the byte count consumed. */
    private static int feedByteByByte(ResponseParser parser, String text) throws ProtocolException {
        byte[] all = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < all.length; i++) {
            if (parser.feed(ByteBuffer.wrap(all, i, 1))) {
                return i + 1;
            }
        }
        return -1;
    }

    @Test
    void contentLengthBodyEndsExactlyAfterItsBytes() throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        ByteBuffer in = bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX: y\r\n\r\nhelloNEXT");

        assertThat(parser.feed(in)).isTrue();
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.keepAlive()).isTrue();
        assertThat(in.remaining()).as("bytes after the body are not consumed").isEqualTo(4);
    }

    @Test
    void chunkedBodyIsFollowedThroughChunkExtensionsAndTrailersAtEverySplitPoint() throws ProtocolException {
        String response = "HTTP/1.1 503 Service Unavailable\r\ntransfer-encoding: Chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\nA\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n";
        ResponseParser parser = new ResponseParser();

        assertThat(feedByteByByte(parser, response)).isEqualTo(response.length());
        assertThat(parser.status()).isEqualTo(503);
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void resetAllowsTheNextResponseOnTheSameConnection() throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        assertThat(parser.feed(bytes("HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n"))).isTrue();
        assertThat(parser.status()).isEqualTo(500);

        parser.reset();
        assertThat(parser.started()).isFalse();
        assertThat(parser.feed(bytes("HTTP/1.1 204 No Content\r\n\r\n"))).isTrue();
        assertThat(parser.status()).isEqualTo(204);
    }

    @Test
    void interimContinueIsSkippedAndCloseDelimitedBodyEndsAtEndOfStream() throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        assertThat(parser.feed(bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 200 OK\r\n\r\nbody until close")))
                .isFalse();
        assertThat(parser.started()).isTrue();
        assertThat(parser.endOfStream()).isTrue();
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void connectionHeadersDecideKeepAlive() throws ProtocolException {
        ResponseParser close = new ResponseParser();
        close.feed(bytes("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));
        ResponseParser http10KeepAlive = new ResponseParser();
        http10KeepAlive.feed(bytes("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n"));

        assertThat(close.keepAlive()).isFalse();
        assertThat(http10KeepAlive.keepAlive()).isTrue();
    }

    @Test
    void truncatedResponseIsNotCompleteAtEndOfStream() throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        assertThat(parser.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"))).isFalse();
        assertThat(parser.endOfStream()).isFalse();
    }

    @Test
    void garbageIsAProtocolError() {
        assertThatThrownBy(() -> new ResponseParser().feed(bytes("SSH-2.0-OpenSSH_9.2\r\n")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("status line");
        assertThatThrownBy(() -> new ResponseParser().feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("Content-Length");
        assertThatThrownBy(() -> new ResponseParser().feed(
                bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("chunk size");
    }
}
