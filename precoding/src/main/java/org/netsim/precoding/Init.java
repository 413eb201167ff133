package org.netsim.precoding;

import java.util.Objects;
import org.ejml.data.ZMatrixRMaj;

/**
 * How an iterative precoder starts: maximum-ratio (MRC/MRT, V_i = H_ik^H restricted to d_i columns, scaled per
 * BS to its budget), zero-forcing, random CN(0,1) entries scaled per BS to its budget (from a given seed), or
 * precoders given by the caller (a dataset's V0, or the previous slot's solution for a warm start).
 */
public final class Init {

    /** The kind of initialisation. */
    public enum Kind { MRC, ZF, RANDOM, GIVEN }

    private final Kind kind;
    private final long seed;
    private final ZMatrixRMaj[] given;

    private Init(Kind kind, long seed, ZMatrixRMaj[] given) {
        this.kind = kind;
        this.seed = seed;
        this.given = given;
    }

    /** Maximum-ratio initialisation (the GCN-WMMSE paper's MRC initialisation). */
    public static Init mrc() {
        return new Init(Kind.MRC, 0, null);
    }

    /** Zero-forcing initialisation. */
    public static Init zf() {
        return new Init(Kind.ZF, 0, null);
    }

    /** Random CN(0,1) initialisation scaled to the budgets, drawn from a generator seeded with {@code seed}. */
    public static Init random(long seed) {
        return new Init(Kind.RANDOM, seed, null);
    }

    /**
     * Caller-supplied precoders, V_i in C^{M_k x d_i} per UE; they are copied, and scaled down per BS if they
     * exceed a budget.
     */
    public static Init given(ZMatrixRMaj[] precoders) {
        Objects.requireNonNull(precoders, "precoders");
        ZMatrixRMaj[] copy = new ZMatrixRMaj[precoders.length];
        for (int i = 0; i < precoders.length; i++) {
            copy[i] = Objects.requireNonNull(precoders[i], "precoders[" + i + "]").copy();
        }
        return new Init(Kind.GIVEN, 0, copy);
    }

    /** Parses {@code mrc}, {@code zf} or {@code random} (with {@code seed}); {@code file} needs precoders. */
    public static Init parse(String name, long seed) {
        return switch (name) {
            case "mrc", "mrt" -> mrc();
            case "zf" -> zf();
            case "random" -> random(seed);
            default -> throw new IllegalArgumentException("init: unknown initialisation '" + name
                    + "' (expected mrc, zf, random or file)");
        };
    }

    public Kind kind() {
        return kind;
    }

    /** @return the seed of a {@link Kind#RANDOM} initialisation */
    public long seed() {
        return seed;
    }

    /** @return a copy of V_i of a {@link Kind#GIVEN} initialisation */
    public ZMatrixRMaj given(int i) {
        return given[i].copy();
    }

    /** @return the number of given precoders (0 unless {@link Kind#GIVEN}) */
    public int numGiven() {
        return given == null ? 0 : given.length;
    }

    @Override
    public String toString() {
        return kind == Kind.RANDOM ? "random(" + seed + ")" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
