package dev.failoverlab.loadgen.http;

import java.net.ProtocolException;
import java.nio.ByteBuffer;

/**
 * An incremental HTTP/1.x response reader that keeps only what the load generator needs: the status code and
 * where the response ends (Content-Length, chunked, or end of stream), and whether the connection stays open.
 * Bodies are skipped, not copied; bytes can arrive split anywhere. One per connection, reused per response.
 */
final class ResponseParser {
    private static final int STATUS = 0;
    private static final int HEADER = 1;
    private static final int BODY = 2;
    private static final int CHUNK_SIZE = 3;
    private static final int CHUNK_DATA = 4;
    private static final int CHUNK_END = 5;
    private static final int TRAILER = 6;
    private static final int UNTIL_CLOSE = 7;
    private static final int DONE = 8;

    private static final byte[] CONTENT_LENGTH = bytes("content-length:");
    private static final byte[] TRANSFER_ENCODING = bytes("transfer-encoding:");
    private static final byte[] CONNECTION = bytes("connection:");
    private static final byte[] CHUNKED = bytes("chunked");
    private static final byte[] CLOSE = bytes("close");
    private static final byte[] KEEP_ALIVE = bytes("keep-alive");

    private final byte[] line = new byte[8192];
    private int lineLength;
    private boolean lineOverflow;
    private int state;
    private int status;
    private long remaining;
    private long contentLength;
    private boolean chunked;
    private boolean close;
    private boolean http10;
    private boolean keepAliveHeader;

    ResponseParser() {
        reset();
    }

    /** Prepares for the next response on the same connection. */
    void reset() {
        state = STATUS;
        lineLength = 0;
        lineOverflow = false;
        status = 0;
        contentLength = -1;
        chunked = false;
        close = false;
        http10 = false;
        keepAliveHeader = false;
    }

    int status() {
        return status;
    }

    /** Whether the server keeps the connection open after this response. */
    boolean keepAlive() {
        return !close && (!http10 || keepAliveHeader);
    }

    /** True once a response has started arriving (an EOF after that is a broken response, not an idle close). */
    boolean started() {
        return state != STATUS || lineLength > 0;
    }

    /** Consumes bytes; returns true when a whole response has been read (extra bytes are left in {@code in}). */
    boolean feed(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining() && state != DONE) {
            switch (state) {
                case BODY, CHUNK_DATA -> {
                    int skip = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + skip);
                    remaining -= skip;
                    if (remaining == 0) {
                        state = state == BODY ? DONE : CHUNK_END;
                    }
                }
                case UNTIL_CLOSE -> in.position(in.limit());
                default -> {
                    if (readLine(in)) {
                        onLine();
                    }
                }
            }
        }
        return state == DONE;
    }

    /** The peer closed the stream: true if that completes the response (a body delimited by close). */
    boolean endOfStream() {
        if (state == UNTIL_CLOSE) {
            state = DONE;
            return true;
        }
        return state == DONE;
    }

    private boolean readLine(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineOverflow) {
                    throw new ProtocolException("response line longer than " + line.length + " bytes");
                }
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength < line.length) {
                line[lineLength++] = b;
            } else {
                lineOverflow = true;
            }
        }
        return false;
    }

    private void onLine() throws ProtocolException {
        int length = lineLength;
        lineLength = 0;
        switch (state) {
            case STATUS -> statusLine(length);
            case HEADER -> {
                if (length == 0) {
                    endOfHeaders();
                } else {
                    header(length);
                }
            }
            case CHUNK_SIZE -> {
                long size = parseHex(length);
                if (size == 0) {
                    state = TRAILER;
                } else {
                    remaining = size;
                    state = CHUNK_DATA;
                }
            }
            case CHUNK_END -> {
                if (length != 0) {
                    throw new ProtocolException("chunk data longer than its declared size");
                }
                state = CHUNK_SIZE;
            }
            case TRAILER -> {
                if (length == 0) {
                    state = DONE;
                }
            }
            default -> throw new IllegalStateException("line in state " + state);
        }
    }

    private void statusLine(int length) throws ProtocolException {
        if (length < 12 || line[0] != 'H' || line[4] != '/' || line[5] != '1' || line[6] != '.' || line[8] != ' ') {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        http10 = line[7] == '0';
        int code = 0;
        for (int i = 9; i < 12; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new ProtocolException("status code is not three digits");
            }
            code = code * 10 + digit;
        }
        status = code;
        state = HEADER;
    }

    private void header(int length) throws ProtocolException {
        if (startsWithIgnoreCase(CONTENT_LENGTH, length)) {
            long value = 0;
            boolean digits = false;
            for (int i = CONTENT_LENGTH.length; i < length; i++) {
                byte b = line[i];
                if (b >= '0' && b <= '9') {
                    value = value * 10 + (b - '0');
                    digits = true;
                } else if (b != ' ' && b != '\t') {
                    throw new ProtocolException("bad Content-Length");
                }
            }
            if (!digits) {
                throw new ProtocolException("empty Content-Length");
            }
            contentLength = value;
        } else if (startsWithIgnoreCase(TRANSFER_ENCODING, length)) {
            chunked = containsIgnoreCase(CHUNKED, TRANSFER_ENCODING.length, length);
        } else if (startsWithIgnoreCase(CONNECTION, length)) {
            close |= containsIgnoreCase(CLOSE, CONNECTION.length, length);
            keepAliveHeader |= containsIgnoreCase(KEEP_ALIVE, CONNECTION.length, length);
        }
    }

    private void endOfHeaders() {
        if (status >= 100 && status < 200 && status != 101) {
            reset(); // an interim response (100 Continue): the real one follows
        } else if (status == 204 || status == 304) {
            state = DONE;
        } else if (chunked) {
            state = CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? DONE : BODY;
        } else {
            close = true;
            state = UNTIL_CLOSE;
        }
    }

    private long parseHex(int length) throws ProtocolException {
        long value = 0;
        int i = 0;
        for (; i < length && line[i] != ';' && line[i] != ' '; i++) {
            int digit = Character.digit(line[i], 16);
            if (digit < 0 || i >= 15) {
                throw new ProtocolException("bad chunk size");
            }
            value = value * 16 + digit;
        }
        if (i == 0) {
            throw new ProtocolException("empty chunk size");
        }
        return value;
    }

    private boolean startsWithIgnoreCase(byte[] lowerPrefix, int length) {
        if (length < lowerPrefix.length) {
            return false;
        }
        for (int i = 0; i < lowerPrefix.length; i++) {
            if (lower(line[i]) != lowerPrefix[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean containsIgnoreCase(byte[] lowerWord, int from, int length) {
        outer:
        for (int start = from; start + lowerWord.length <= length; start++) {
            for (int i = 0; i < lowerWord.length; i++) {
                if (lower(line[start + i]) != lowerWord[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
