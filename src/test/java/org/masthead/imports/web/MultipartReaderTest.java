package org.masthead.imports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static final String B = "----b0undary";

    /** Gives the bytes a few at a time, as a slow network would, so that boundaries fall across reads. */
    private static InputStream trickle(byte[] bytes, long seed) {
        var random = new Random(seed);
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(97)));
            }
        };
    }

    private static byte[] body(byte[] file) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("preamble to ignore\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken-1\r\n"
                + "--" + B + "\r\ncontent-disposition: form-data; name=\"source\"\r\n\r\nghost\r\n"
                + "--" + B + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\exports\\\\my \\\"site\\\".json\"\r\n"
                + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\nx\r\n--" + B + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void readsTheFieldsThenStreamsTheFileWhateverTheChunksAre() throws IOException {
        // a file larger than the buffer, with near-boundaries in it ("\r\n--" and the boundary without its dashes)
        var file = new ByteArrayOutputStream();
        var random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            var noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            file.writeBytes(noise);
            file.writeBytes(("\r\n--" + B.substring(0, random.nextInt(B.length()))).getBytes(StandardCharsets.ISO_8859_1));
        }
        var expected = file.toByteArray();
        for (long seed = 0; seed < 5; seed++) {
            var reader = new MultipartReader(trickle(body(expected), seed), B);
            var csrf = reader.next().orElseThrow();
            assertThat(csrf.name()).isEqualTo("_csrf");
            assertThat(csrf.file()).isFalse();
            assertThat(reader.text(100)).isEqualTo("token-1");
            assertThat(reader.next().orElseThrow().name()).isEqualTo("source");
            assertThat(reader.text(100)).isEqualTo("ghost");
            var part = reader.next().orElseThrow();
            assertThat(part.file()).isTrue();
            assertThat(part.fileName()).isEqualTo("C:\\exports\\my \"site\".json");
            assertThat(reader.content().readAllBytes()).isEqualTo(expected);
            assertThat(reader.next().orElseThrow().name()).isEqualTo("after");
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void aBodyThatEndsInsideThePartIsAnError() throws IOException {
        var full = body("{\"db\":[]}".getBytes(StandardCharsets.UTF_8));
        var cut = java.util.Arrays.copyOf(full, new String(full, StandardCharsets.ISO_8859_1).indexOf("{\"db") + 4);
        var reader = new MultipartReader(new ByteArrayInputStream(cut), B);
        reader.next();
        reader.next();
        reader.next();
        assertThatThrownBy(() -> reader.content().readAllBytes()).isInstanceOf(EOFException.class);
    }

    @Test
    void aFieldLongerThanAllowedAndAPartWithoutANameAreRefused() throws IOException {
        var reader = new MultipartReader(new ByteArrayInputStream(body(new byte[0])), B);
        reader.next();
        assertThatThrownBy(() -> reader.text(3)).isInstanceOf(MultipartReader.Malformed.class);
        var nameless = ("--" + B + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + B + "--\r\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new MultipartReader(new ByteArrayInputStream(nameless), B).next())
                .isInstanceOf(MultipartReader.Malformed.class);
    }

    @Test
    void findsTheBoundaryOfAFormDataContentTypeOnly() {
        assertThat(MultipartReader.boundary("multipart/form-data; boundary=abc")).contains("abc");
        assertThat(MultipartReader.boundary("multipart/form-data; charset=utf-8; boundary=\"a b\"")).contains("a b");
        assertThat(MultipartReader.boundary("application/x-www-form-urlencoded")).isEmpty();
        assertThat(MultipartReader.boundary(null)).isEmpty();
    }
}
