package org.netsim.scenarios.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The NumPy {@code .npy} format (numpy.lib.format, versions 1.0 and 2.0): the magic {@code \x93NUMPY}, a version
 * (major, minor), the header length (2 bytes little-endian in 1.0, 4 bytes in 2.0), an ASCII header holding a Python
 * dict literal with exactly the keys {@code 'descr'}, {@code 'fortran_order'} and {@code 'shape'}, padded with spaces
 * and a newline so that the data start at a multiple of 64 bytes, then the raw little-endian elements.
 */
final class NpyFormat {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int CHUNK_BYTES = 1 << 16;
    /** Headers of real arrays are well under 1 KiB; a larger one is refused before it is read. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private NpyFormat() {
    }

    /** The parsed header dict. */
    record Header(NpyDtype dtype, int[] shape) {
    }

    /**
     * Reads one array whose serialised form is exactly {@code entryBytes} long.
     *
     * @param in positioned at the magic; read up to the end of the entry, not closed
     * @param entryBytes the size of the entry, checked against the header before any data are allocated
     * @param file for messages
     * @param key for messages
     * @return the array
     * @throws NpzFormatException if the entry is malformed, unsupported, truncated or longer than the header says
     * @throws IOException if reading fails
     */
    static NpyArray read(InputStream in, long entryBytes, Path file, String key) throws IOException {
        byte[] prefix = new byte[MAGIC.length + 2];
        readFully(in, prefix, prefix.length, file, key, "the magic and version");
        for (int b = 0; b < MAGIC.length; b++) {
            if (prefix[b] != MAGIC[b]) {
                throw new NpzFormatException(file, key, "not a .npy array (bad magic bytes)");
            }
        }
        int major = prefix[6] & 0xff;
        int minor = prefix[7] & 0xff;
        int lengthBytes;
        if (major == 1 && minor == 0) {
            lengthBytes = 2;
        } else if (major == 2 && minor == 0) {
            lengthBytes = 4;
        } else {
            throw new NpzFormatException(file, key, "unsupported .npy format version " + major + "." + minor
                    + " (1.0 and 2.0 are read)");
        }
        byte[] len = new byte[lengthBytes];
        readFully(in, len, lengthBytes, file, key, "the header length");
        long headerBytes = lengthBytes == 2 ? ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffffL
                : ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        long prefixBytes = prefix.length + lengthBytes;
        if (headerBytes > MAX_HEADER_BYTES || prefixBytes + headerBytes > entryBytes) {
            throw new NpzFormatException(file, key, "header length " + headerBytes + " does not fit in the "
                    + entryBytes + "-byte entry");
        }
        byte[] headerRaw = new byte[(int) headerBytes];
        readFully(in, headerRaw, headerRaw.length, file, key, "the header");
        Header header = parseHeader(new String(headerRaw, StandardCharsets.ISO_8859_1), file, key);

        long count = 1;
        for (int n : header.shape()) {
            count *= n;
            if (count > NpyArray.MAX_ELEMENTS) {
                throw new NpzFormatException(file, key, "shape " + NpyArray.shapeString(header.shape())
                        + " has more than " + NpyArray.MAX_ELEMENTS + " elements, too many for this reader");
            }
        }
        long dataBytes = count * header.dtype().itemBytes();
        if (prefixBytes + headerBytes + dataBytes != entryBytes) {
            throw new NpzFormatException(file, key, "entry holds " + (entryBytes - prefixBytes - headerBytes)
                    + " data bytes but shape " + NpyArray.shapeString(header.shape()) + " of "
                    + header.dtype().descr() + " needs " + dataBytes);
        }
        NpyArray array = readData(in, header, (int) count, file, key);
        if (in.read() != -1) {
            throw new NpzFormatException(file, key, "entry is longer than its header says");
        }
        return array;
    }

    private static NpyArray readData(InputStream in, Header header, int count, Path file, String key)
            throws IOException {
        NpyDtype dtype = header.dtype();
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        if (dtype == NpyDtype.INT32) {
            int[] values = new int[count];
            int done = 0;
            while (done < count) {
                int n = Math.min(count - done, CHUNK_BYTES / 4);
                readFully(in, chunk, 4 * n, file, key, "the data");
                buf.clear();
                buf.asIntBuffer().get(values, done, n);
                done += n;
            }
            return NpyArray.wrap(dtype, header.shape(), null, values);
        }
        int doubles = dtype == NpyDtype.COMPLEX128 ? 2 * count : count;
        double[] values = new double[doubles];
        int done = 0;
        while (done < doubles) {
            int n = Math.min(doubles - done, CHUNK_BYTES / 8);
            readFully(in, chunk, 8 * n, file, key, "the data");
            buf.clear();
            buf.asDoubleBuffer().get(values, done, n);
            done += n;
        }
        return NpyArray.wrap(dtype, header.shape(), values, null);
    }

    private static void readFully(InputStream in, byte[] b, int n, Path file, String key, String what)
            throws IOException {
        int off = 0;
        try {
            while (off < n) {
                int r = in.read(b, off, n - off);
                if (r < 0) {
                    throw new NpzFormatException(file, key, "truncated: the entry ends inside " + what);
                }
                off += r;
            }
        } catch (EOFException e) {
            throw new NpzFormatException(file, key, "truncated: the entry ends inside " + what, e);
        }
    }

    /**
     * Parses the header dict strictly: exactly the keys 'descr' (a supported little-endian dtype),
     * 'fortran_order' (False) and 'shape' (a tuple of non-negative ints), then only spaces and newlines.
     */
    static Header parseHeader(String text, Path file, String key) throws NpzFormatException {
        return new HeaderParser(text, file, key).parse();
    }

    /**
     * Writes one array in format 1.0, or 2.0 when the header does not fit in 65535 bytes.
     *
     * @param out receives the bytes; not closed
     * @param array the array
     * @throws IOException if writing fails
     */
    static void write(OutputStream out, NpyArray array) throws IOException {
        out.write(headerBytes(array));
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        if (array.dtype() == NpyDtype.INT32) {
            int[] values = array.intsView();
            for (int done = 0; done < values.length; ) {
                int n = Math.min(values.length - done, CHUNK_BYTES / 4);
                buf.clear();
                buf.asIntBuffer().put(values, done, n);
                out.write(chunk, 0, 4 * n);
                done += n;
            }
        } else {
            double[] values = array.doublesView();
            for (int done = 0; done < values.length; ) {
                int n = Math.min(values.length - done, CHUNK_BYTES / 8);
                buf.clear();
                buf.asDoubleBuffer().put(values, done, n);
                out.write(chunk, 0, 8 * n);
                done += n;
            }
        }
    }

    /** @return the number of bytes {@link #write} produces for {@code array} */
    static long serializedBytes(NpyArray array) {
        return headerBytes(array).length + (long) array.size() * array.dtype().itemBytes();
    }

    /** @return magic, version, header length and the padded header, as NumPy's write_array writes them */
    static byte[] headerBytes(NpyArray array) {
        String dict = "{'descr': '" + array.dtype().descr() + "', 'fortran_order': False, 'shape': "
                + NpyArray.shapeString(array.shape()) + ", }";
        int unpadded = dict.length() + 1; // + '\n'
        int lengthBytes = 2;
        int prefix = MAGIC.length + 2 + lengthBytes;
        int pad = (ALIGN - (prefix + unpadded) % ALIGN) % ALIGN;
        if (unpadded + pad > 0xffff) { // version 1.0 stores the header length in 2 bytes
            lengthBytes = 4;
            prefix = MAGIC.length + 2 + lengthBytes;
            pad = (ALIGN - (prefix + unpadded) % ALIGN) % ALIGN;
        }
        int headerLength = unpadded + pad;
        ByteBuffer b = ByteBuffer.allocate(prefix + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (lengthBytes == 2 ? 1 : 2)).put((byte) 0);
        if (lengthBytes == 2) {
            b.putShort((short) headerLength);
        } else {
            b.putInt(headerLength);
        }
        b.put(dict.getBytes(StandardCharsets.US_ASCII));
        for (int p = 0; p < pad; p++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    /** Recursive-descent parser of the header's Python dict literal. */
    private static final class HeaderParser {
        private final String s;
        private final Path file;
        private final String key;
        private int pos;

        HeaderParser(String s, Path file, String key) {
            this.s = s;
            this.file = file;
            this.key = key;
        }

        Header parse() throws NpzFormatException {
            String descr = null;
            Boolean fortranOrder = null;
            int[] shape = null;
            skipSpace();
            expect('{');
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                String name = parseString();
                skipSpace();
                expect(':');
                skipSpace();
                switch (name) {
                    case "descr":
                        if (descr != null) {
                            throw fail("duplicate header key 'descr'");
                        }
                        if (peek() != '\'' && peek() != '"') {
                            throw fail("unsupported dtype " + rest() + " (only '<c16', '<f8' and '<i4' are read)");
                        }
                        descr = parseString();
                        break;
                    case "fortran_order":
                        if (fortranOrder != null) {
                            throw fail("duplicate header key 'fortran_order'");
                        }
                        fortranOrder = parseBool();
                        break;
                    case "shape":
                        if (shape != null) {
                            throw fail("duplicate header key 'shape'");
                        }
                        shape = parseShape();
                        break;
                    default:
                        throw fail("unexpected header key '" + name + "'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw fail("malformed header: expected ',' or '}' at offset " + pos);
                }
            }
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c != ' ' && c != '\n') {
                    throw fail("malformed header: unexpected text after the dict at offset " + (pos - 1));
                }
            }
            if (descr == null) {
                throw fail("header lacks 'descr'");
            }
            if (fortranOrder == null) {
                throw fail("header lacks 'fortran_order'");
            }
            if (shape == null) {
                throw fail("header lacks 'shape'");
            }
            NpyDtype dtype = NpyDtype.fromDescr(descr);
            if (dtype == null) {
                if (descr.startsWith(">")) {
                    throw fail("big-endian dtype '" + descr + "' is not supported (only little-endian '<c16', "
                            + "'<f8' and '<i4')");
                }
                throw fail("unsupported dtype '" + descr + "' (only '<c16', '<f8' and '<i4' are read)");
            }
            if (fortranOrder) {
                throw fail("fortran_order True is not supported (save C-order arrays, e.g. np.ascontiguousarray)");
            }
            return new Header(dtype, shape);
        }

        private String parseString() throws NpzFormatException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw fail("malformed header: expected a quoted string at offset " + pos);
            }
            int end = s.indexOf(quote, pos + 1);
            if (end < 0) {
                throw fail("malformed header: unterminated string at offset " + pos);
            }
            String value = s.substring(pos + 1, end);
            if (value.indexOf('\\') >= 0 || value.indexOf('\n') >= 0) {
                throw fail("malformed header: escapes are not supported in strings");
            }
            pos = end + 1;
            return value;
        }

        private boolean parseBool() throws NpzFormatException {
            if (s.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw fail("malformed header: 'fortran_order' must be True or False at offset " + pos);
        }

        private int[] parseShape() throws NpzFormatException {
            expect('(');
            int[] dims = new int[4];
            int n = 0;
            boolean trailingComma = false;
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    break;
                }
                if (n > 0 && !trailingComma) {
                    throw fail("malformed header: expected ',' in 'shape' at offset " + pos);
                }
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
                    pos++;
                }
                if (start == pos) {
                    throw fail("malformed header: 'shape' must hold non-negative integers, at offset " + start);
                }
                long v = pos - start > 10 ? Long.MAX_VALUE : Long.parseLong(s.substring(start, pos));
                if (v > Integer.MAX_VALUE) {
                    throw fail("'shape' dimension " + v + " is too large for this reader");
                }
                if (n == dims.length) {
                    dims = java.util.Arrays.copyOf(dims, 2 * n);
                }
                dims[n++] = (int) v;
                skipSpace();
                trailingComma = peek() == ',';
                if (trailingComma) {
                    pos++;
                }
            }
            if (n == 1 && !trailingComma) {
                throw fail("malformed header: a 1-d 'shape' needs a trailing comma, as in (3,)");
            }
            return java.util.Arrays.copyOf(dims, n);
        }

        private void skipSpace() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\n')) {
                pos++;
            }
        }

        private char peek() throws NpzFormatException {
            if (pos >= s.length()) {
                throw fail("malformed header: ends early");
            }
            return s.charAt(pos);
        }

        private void expect(char c) throws NpzFormatException {
            if (peek() != c) {
                throw fail("malformed header: expected '" + c + "' at offset " + pos);
            }
            pos++;
        }

        private String rest() {
            String r = s.substring(pos).strip();
            return r.length() > 40 ? r.substring(0, 40) + "..." : r;
        }

        private NpzFormatException fail(String reason) {
            return new NpzFormatException(file, key, reason);
        }
    }
}
