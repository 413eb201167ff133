package org.netsim.scenarios.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in snapshot scenarios of the seed papers, by name:
 *
 * <ul>
 *   <li>{@code gcnwmmse-base} ({@link GcnWmmseTriangleScenario});</li>
 *   <li>{@code deepfp-7cell}, {@code deepfp-1cell} ({@link DeepFpHexScenario});</li>
 *   <li>{@code song-{small,moderate,large}-{near,far}} ({@link SongTwoCellScenario});</li>
 *   <li>{@code sun-ic-10}, {@code -20}, {@code -30} ({@link SunGaussianIcScenario}), and {@code sun-ic-K} for any
 *       K &gt;= 1;</li>
 *   <li>{@code sun-imac-3-12}, {@code 3-18}, {@code 3-24}, {@code 7-28}, {@code 20-80} ({@link SunImacScenario}),
 *       and {@code sun-imac-N-K} for any N &gt;= 1 and K a multiple of N, optionally with the inner radius r in
 *       metres as {@code sun-imac-N-K-rR} (e.g. {@code sun-imac-7-28-r50}, Table V);</li>
 *   <li>{@code iid-cn} ({@link IidCnScenario#gcnWmmseScenarioI()}; other sizes through {@link IidCnScenario#of}).
 *   </li>
 *   <li>{@code uwmmse-pairs-20} ({@link UwmmsePairsScenario}, density drawn in [0.5, 5]), and
 *       {@code uwmmse-pairs-K} / {@code uwmmse-pairs-K-dD} (fixed density D) for any K &gt;= 1.</li>
 * </ul>
 */
public final class SnapshotCatalog {

    private static final Pattern SUN_IC = Pattern.compile("sun-ic-(\\d{1,4})");
    private static final Pattern SUN_IMAC =
            Pattern.compile("sun-imac-(\\d{1,4})-(\\d{1,5})(?:-r(\\d{1,3}(?:\\.\\d+)?))?");

    private static final Pattern UWMMSE_PAIRS =
            Pattern.compile("uwmmse-pairs-(\\d{1,4})(?:-d(\\d{1,3}(?:\\.\\d+)?))?");

    private static final Map<String, SnapshotScenario> FIXED = build();

    private SnapshotCatalog() {
    }

    private static Map<String, SnapshotScenario> build() {
        List<SnapshotScenario> list = new ArrayList<>();
        list.add(new GcnWmmseTriangleScenario());
        list.add(new DeepFpHexScenario(7));
        list.add(new DeepFpHexScenario(1));
        for (SongTwoCellScenario.Scale s : SongTwoCellScenario.Scale.values()) {
            list.add(new SongTwoCellScenario(s, false));
            list.add(new SongTwoCellScenario(s, true));
        }
        for (int k : new int[] {10, 20, 30}) {
            list.add(new SunGaussianIcScenario(k));
        }
        for (int[] nk : new int[][] {{3, 12}, {3, 18}, {3, 24}, {7, 28}, {20, 80}}) {
            list.add(new SunImacScenario(nk[0], nk[1]));
        }
        list.add(IidCnScenario.gcnWmmseScenarioI());
        for (int[] mi : new int[][] {{8, 4}, {16, 8}, {32, 16}}) {
            list.add(new IaidnnBroadcastScenario(mi[0], mi[1]));
        }
        list.add(new UwmmsePairsScenario(20, Double.NaN));
        Map<String, SnapshotScenario> m = new LinkedHashMap<>();
        for (SnapshotScenario s : list) {
            if (m.put(s.name(), s) != null) {
                throw new IllegalStateException("snapshot scenario '" + s.name() + "' listed twice");
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * @return the scenario {@code name}
     * @throws IllegalArgumentException naming the unknown scenario and listing the known ones, or naming the bad
     *     size of a parsed {@code sun-ic-K} / {@code sun-imac-N-K}
     */
    public static SnapshotScenario get(String name) {
        if (name == null) {
            throw new IllegalArgumentException("scenario: name must not be null");
        }
        SnapshotScenario s = FIXED.get(name);
        if (s != null) {
            return s;
        }
        Matcher ic = SUN_IC.matcher(name);
        if (ic.matches()) {
            return new SunGaussianIcScenario(Integer.parseInt(ic.group(1)));
        }
        Matcher imac = SUN_IMAC.matcher(name);
        if (imac.matches()) {
            double innerRadiusM = imac.group(3) == null ? 0.0 : Double.parseDouble(imac.group(3));
            return new SunImacScenario(Integer.parseInt(imac.group(1)), Integer.parseInt(imac.group(2)),
                    innerRadiusM);
        }
        Matcher pairs = UWMMSE_PAIRS.matcher(name);
        if (pairs.matches()) {
            return new UwmmsePairsScenario(Integer.parseInt(pairs.group(1)),
                    pairs.group(2) == null ? Double.NaN : Double.parseDouble(pairs.group(2)));
        }
        throw new IllegalArgumentException("scenario: unknown snapshot scenario '" + name + "' (known: "
                + String.join(", ", FIXED.keySet())
                + "; also sun-ic-K, sun-imac-N-K, sun-imac-N-K-rR, uwmmse-pairs-K and uwmmse-pairs-K-dD)");
    }

    /** @return every fixed catalogue entry, in catalogue order */
    public static List<SnapshotScenario> all() {
        return List.copyOf(FIXED.values());
    }
}
