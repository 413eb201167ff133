package org.netsim.scenarios.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Test helper: reads one little-endian, C-order int32, float64 or complex128 array from a NumPy .npz file. */
final class NpyReader {

    /** A flat array and its shape; complex arrays are interleaved re, im. */
    record Array(int[] shape, double[] data, boolean complex) {
    }

    private NpyReader() {
    }

    static Array read(Path npz, String name) throws IOException {
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            ZipEntry e = zip.getEntry(name + ".npy");
            if (e == null) {
                throw new IOException(npz + ": no array '" + name + "'");
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(e)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                bytes = out.toByteArray();
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int major = bytes[6];
            int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort(8)) : buf.getInt(8);
            int offset = major == 1 ? 10 : 12;
            String header = new String(bytes, offset, headerLen, StandardCharsets.ISO_8859_1);
            if (header.contains("'fortran_order': True")) {
                throw new IOException("Fortran order not supported");
            }
            boolean complex = header.contains("'<c16'");
            boolean int32 = header.contains("'<i4'");
            if (!complex && !int32 && !header.contains("'<f8'")) {
                throw new IOException("unsupported dtype: " + header);
            }
            Matcher m = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(header);
            if (!m.find()) {
                throw new IOException("no shape: " + header);
            }
            int[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
            int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b) * (complex ? 2 : 1);
            double[] data = new double[n];
            buf.position(offset + headerLen);
            if (int32) {
                for (int q = 0; q < n; q++) {
                    data[q] = buf.getInt();
                }
            } else {
                buf.asDoubleBuffer().get(data);
            }
            return new Array(shape, data, complex);
        }
    }
}
