package org.netsim.simcore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.RateReport;
import org.netsim.precoding.Solution;
import org.netsim.radio.fading.LinkFading;
import org.netsim.radio.csi.LinkCsi;
import org.netsim.radio.csi.PerfectCsi;
import org.netsim.radio.association.UeAssociation;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.random.RandomStreams;
import org.netsim.radio.random.StreamNames;
import org.netsim.radio.shadowing.UeShadowing;
import sim.engine.Sequence;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.engine.Stoppable;

/**
 * The multicell MU-MIMO radio network as a MASON plugin (DESIGN.md "A plugin first"): UEs are the host's
 * {@link Terminal}s, BSs are the cells of the layout, and every slot runs the phases of {@link SlotPhase} on the
 * host's schedule: large scale, small scale, association, precoding, evaluation, report (mobility is the host's
 * own agents, scheduled before). Per-slot results reach {@link SlotListener}s as {@link SlotReport}s.
 *
 * <p>Channels: the true channel of link (UE i, cell c) is H_ic = sqrt(g_ic) F_ic with g_ic = 10^(G_ic / 10) the
 * large-scale gain (path loss, trajectory-correlated shadowing, BS antenna gain) and F_ic the unit-power fading,
 * advanced by one slot duration at the UE's speed. The BSs precode on the CSI model's estimate of every H_ic;
 * rates are evaluated on the true H_ic of the slot ({@link RateEvaluator}), so stale or noisy CSI costs rate.
 *
 * <p>Randomness: every component draws from its own named stream of the plugin's {@link RandomStreams}
 * ({@code shadowing/ue/ID}, {@code shadowing/link/ID/SITE}, {@code fading/link/ID/CELL}, {@code csi/link/ID/CELL}),
 * derived from the root seed the host gives, so switching the precoder, adding listeners or adding a UE leaves
 * every other link's draws unchanged, and nothing depends on the host's own generator.
 *
 * <p>Not thread-safe: the host's schedule calls it from one thread.
 */
public final class RadioNetwork {

    /** Effective SINR reported for a UE without rate (e^{0} - 1 = 0, i.e. minus infinity dB). */
    public static final double SINR_FLOOR_DB = -100;

    private final NetworkConfig config;
    private final PrecodingStage precoding;
    private final RandomStreams streams;
    private final Map<Integer, UeState> ues = new LinkedHashMap<>();
    private final List<SlotListener> listeners = new ArrayList<>();
    private final int numCells;
    private final int numSites;
    private final double noisePowerW;
    private final boolean perfectCsi;
    private int nextId;
    private long slot;
    private double slotTimeS;
    // per-slot results, handed from phase to phase
    private UeState[] order = new UeState[0];
    private Solution solution;
    private double precoderSeconds;
    private PrecodingStage.Result precoded;
    private RateReport rates;
    private final List<BaseStation> baseStations = new ArrayList<>();
    private boolean attached;
    private SlotReport lastReport;

    /**
     * @param config the models and BS configuration
     * @param precoding the precoding phase (precoder, fresh initialisation, warm start)
     * @param streams the plugin's random streams (e.g. {@code new RandomStreams(hostSeed).child("netsim")})
     */
    public RadioNetwork(NetworkConfig config, PrecodingStage precoding, RandomStreams streams) {
        this.config = config;
        this.precoding = precoding;
        this.streams = streams;
        this.numCells = config.numCells();
        this.numSites = config.largeScale().layout().numSites();
        this.noisePowerW = config.noise().noisePowerW();
        this.perfectCsi = config.csi() instanceof PerfectCsi;
        for (var cell : config.largeScale().layout().cells()) {
            baseStations.add(new BaseStation(this, cell, config.bsPowerW()));
        }
    }

    /** @return the configuration */
    public NetworkConfig config() {
        return config;
    }

    /** Adds a listener that receives every slot's report. */
    public void addListener(SlotListener listener) {
        listeners.add(listener);
    }

    /**
     * Adds a UE, at any time, also while the host runs: it takes part from the next slot that starts after the
     * call (a slot starts at its large-scale phase), with new links (its own named random streams, so the other
     * UEs' draws are unchanged), a fresh association (no handover counted) and a fresh precoder initialisation.
     *
     * @param terminal where the UE is and how fast it moves
     * @param antennas N, its receive antennas
     * @param streams d &lt;= N, its data streams
     * @return the UE's stable identifier (0, 1, 2, ... in order of addition)
     */
    public int addUe(Terminal terminal, int antennas, int streams) {
        if (antennas < 1) {
            throw new IllegalArgumentException("antennas: must be >= 1, got " + antennas);
        }
        if (streams < 1 || streams > antennas) {
            throw new IllegalArgumentException("streams: must be in 1.." + antennas + ", got " + streams);
        }
        int id = nextId++;
        ues.put(id, new UeState(id, terminal, antennas, streams));
        return id;
    }

    /**
     * Removes UE {@code id}, at any time: a slot under way finishes with it, the next slot's problem has one UE
     * fewer. Identifiers are never reused.
     *
     * @param id the identifier {@link #addUe} returned
     * @throws IllegalArgumentException if there is no such UE
     */
    public void removeUe(int id) {
        if (ues.remove(id) == null) {
            throw new IllegalArgumentException("ue: no UE with id " + id);
        }
    }

    /** @return the number of UEs */
    public int numUes() {
        return ues.size();
    }

    /** @return the index of the next slot to run */
    public long slot() {
        return slot;
    }

    /**
     * Schedules the slot phases on a host's schedule whose clock is in seconds: phase p of {@link SlotPhase} (from
     * large scale on) at ordering {@code firstOrdering + p}, repeating every slot duration from {@code startTimeS}.
     * The host schedules its own agents' movement at {@code firstOrdering} (the {@link SlotPhase#MOBILITY}
     * ordering) or earlier. Same as {@link #attach(SimState, HostSchedule)} with
     * {@code new HostSchedule(startTimeS, slotDurationS, firstOrdering)}.
     *
     * @param host the host model
     * @param startTimeS the time of the first slot, seconds
     * @param firstOrdering the host's mobility ordering
     * @return a handle that stops all phases
     */
    public Stoppable attach(SimState host, double startTimeS, int firstOrdering) {
        return attach(host, new HostSchedule(startTimeS, config.slotDurationS(), firstOrdering));
    }

    /**
     * Attaches the network to a host model: schedules the phases of every slot on the host's schedule at the
     * times and orderings of {@code when} (see {@link HostSchedule}), repeating until the returned handle is
     * stopped or the host's schedule ends. May be called while the host runs (the first slot is then at or after
     * the current time). One attachment at a time: stopping it allows another.
     *
     * @param host the host model (its schedule; the network never draws from its generator)
     * @param when start time, interval and orderings on the host's clock
     * @return a handle that stops all phases (the network keeps its state and may be attached again)
     * @throws IllegalStateException if the network is attached already
     * @throws IllegalArgumentException if the start time is before the host's current time
     */
    public Stoppable attach(SimState host, HostSchedule when) {
        if (attached) {
            throw new IllegalStateException("attach: the network is attached already; stop that attachment first");
        }
        double now = host.schedule.getTime();
        if (now > when.startTime()) {
            throw new IllegalArgumentException("startTime: " + when.startTime() + " is before the host's current time "
                    + now);
        }
        double dt = when.interval();
        double secondsPerUnit = config.slotDurationS() / dt;
        int first = when.firstOrdering();
        List<Stoppable> handles = new ArrayList<>();
        handles.add(host.schedule.scheduleRepeating(when.startTime(), SlotPhase.LARGE_SCALE.ordering(first),
                (Steppable) s -> beginSlot(s.schedule.getTime() * secondsPerUnit), dt));
        handles.add(host.schedule.scheduleRepeating(when.startTime(), SlotPhase.SMALL_SCALE.ordering(first),
                (Steppable) s -> smallScale(), dt));
        handles.add(host.schedule.scheduleRepeating(when.startTime(), SlotPhase.ASSOCIATION.ordering(first),
                (Steppable) s -> associate(), dt));
        handles.add(host.schedule.scheduleRepeating(when.startTime(), SlotPhase.PRECODING.ordering(first),
                (Steppable) s -> precode(), dt));
        // evaluation, then every BS agent takes stock of its cell, in a fixed order
        Steppable[] evaluation = new Steppable[1 + baseStations.size()];
        evaluation[0] = s -> evaluate();
        for (int k = 0; k < baseStations.size(); k++) {
            evaluation[1 + k] = baseStations.get(k);
        }
        handles.add(host.schedule.scheduleRepeating(when.startTime(), SlotPhase.EVALUATION.ordering(first),
                new Sequence(evaluation), dt));
        handles.add(host.schedule.scheduleRepeating(when.startTime(), SlotPhase.REPORT.ordering(first),
                (Steppable) s -> report(), dt));
        attached = true;
        return () -> {
            handles.forEach(Stoppable::stop);
            attached = false;
        };
    }

    /**
     * The plugin's random streams for a host: named streams under the host's seed ({@link SimState#seed()}), so
     * the network's draws depend on that seed and their names only, never on the host's own generator, and the
     * host's draws are untouched. Call it in the host's {@code start()}, after MASON has set the run's seed.
     *
     * @param host the host model
     * @return the streams to give the network's constructor
     */
    public static RandomStreams hostStreams(SimState host) {
        return new RandomStreams(host.seed());
    }

    /** @return the report of the last slot run, or null before the first: what host agents react to */
    public SlotReport lastReport() {
        return lastReport;
    }

    /** Runs the phases of one slot at time {@code timeS} without a schedule (for tests and plain loops). */
    public SlotReport runSlot(double timeS) {
        SlotReport[] last = new SlotReport[1];
        SlotListener capture = r -> last[0] = r;
        listeners.add(capture);
        try {
            beginSlot(timeS);
            smallScale();
            associate();
            precode();
            evaluate();
            for (BaseStation bs : baseStations) {
                bs.step(null);
            }
            report();
        } finally {
            listeners.remove(capture);
        }
        return last[0];
    }

    /** Phase 1: large scale. Starts the slot: fixes the UE set, moves shadowing along the trajectories. */
    void beginSlot(double timeS) {
        slotTimeS = timeS;
        order = ues.values().toArray(new UeState[0]);
        for (UeState u : order) {
            u.largeScale();
        }
    }

    /** Phase 2: small scale. Fading advances by one slot (not before the first), CSI follows. */
    void smallScale() {
        for (UeState u : order) {
            u.smallScale();
        }
    }

    /** Phase 3: association with hysteresis and time-to-trigger. */
    void associate() {
        for (UeState u : order) {
            u.associate();
        }
    }

    /** Phase 4: precoding on the CSI problem. */
    void precode() {
        if (order.length == 0) {
            solution = null;
            precoderSeconds = 0;
            precoded = null;
            return;
        }
        int[] ids = new int[order.length];
        double[][] distanceM = new double[order.length][numCells];
        double[][] gainDb = new double[order.length][];
        var layout = config.largeScale().layout();
        for (int i = 0; i < order.length; i++) {
            ids[i] = order[i].id;
            for (int c = 0; c < numCells; c++) {
                distanceM[i][c] = layout.distanceM(layout.cells().get(c).site(), order[i].position);
            }
            gainDb[i] = order[i].gainsDb.clone();
        }
        PrecodingStage.Result r = precoding.precode(problem(true), ids,
                new SlotContext(slot, slotTimeS, ids, distanceM, gainDb));
        precoded = r;
        solution = r.solution();
        precoderSeconds = r.seconds();
    }

    /**
     * Phase 5: rates on the true channel. With perfect CSI the precoder's problem is the true one, so the rates the
     * precoder evaluated on it (when it reports them) are reused instead of evaluating the same problem twice.
     */
    void evaluate() {
        if (solution == null) {
            rates = null;
        } else if (perfectCsi && solution.hasUeRates()) {
            rates = new RateReport(solution.ueRateNat(), solution.wsrNat(), new double[0]);
        } else {
            rates = RateEvaluator.evaluate(problem(false), solution.precoders());
        }
        if (rates != null) {
            int[] ids = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                ids[i] = order[i].id;
            }
            precoding.observeRates(ids, rates.ueRateNat());
        }
    }

    /** Phase 6: one report to every listener. */
    void report() {
        int n = order.length;
        int[] ids = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        double[] v = new double[n];
        int[] serving = new int[n];
        boolean[] ho = new boolean[n];
        double[] rate = new double[n];
        double[] sinr = new double[n];
        for (int i = 0; i < n; i++) {
            UeState u = order[i];
            ids[i] = u.id;
            x[i] = u.position.xM();
            y[i] = u.position.yM();
            v[i] = u.speedMps;
            serving[i] = u.association.servingCell();
            ho[i] = u.handover;
            rate[i] = rates.ueRateNat()[i];
            // effective per-stream SINR e^{R/d} - 1 in dB, floored (a UE the precoder switched off has rate 0)
            sinr[i] = Math.max(SINR_FLOOR_DB, 10 * Math.log10(Math.expm1(rate[i] / u.numStreams)));
        }
        SlotReport r = new SlotReport(slot, slotTimeS, ids, x, y, v, serving, ho, rate, sinr,
                solution == null ? 0 : solution.iterations(), precoderSeconds,
                precoded == null ? 0 : precoded.rounds(), precoded == null ? 0 : precoded.messages(),
                precoded == null ? 0 : precoded.bytes());
        slot++;
        lastReport = r;
        for (SlotListener l : listeners) {
            l.onSlot(r);
        }
    }

    /** What a BS agent reads of its cell after the evaluation of a slot. */
    record CellStock(int servedUes, double txPowerW, double rateNat) {
    }

    /** @return the served UEs, transmit power and sum rate of cell {@code cell} in the current slot */
    CellStock stockOf(int cell) {
        int served = 0;
        double power = 0;
        double rate = 0;
        for (int i = 0; i < order.length; i++) {
            if (order[i].association.servingCell() == cell) {
                served++;
                if (solution != null) {
                    power += org.netsim.precoding.linalg.ComplexOps.frobeniusSquared(solution.precoder(i));
                }
                if (rates != null) {
                    rate += rates.ueRateNat()[i];
                }
            }
        }
        return new CellStock(served, power, rate);
    }

    /** @return the BS agents, one per cell, in cell order */
    public List<BaseStation> baseStations() {
        return List.copyOf(baseStations);
    }

    /** Tells every listener the run is over. */
    public void finish() {
        for (SlotListener l : listeners) {
            l.onFinish();
        }
    }

    /** @return this slot's precoding problem on the CSI ({@code csi}) or on the true channels */
    private Problem problem(boolean csi) {
        int n = order.length;
        int[] ueAntennas = new int[n];
        int[] streamsPerUe = new int[n];
        double[] noise = new double[n];
        int[] serving = new int[n];
        ZMatrixRMaj[][] h = new ZMatrixRMaj[n][];
        for (int i = 0; i < n; i++) {
            UeState u = order[i];
            ueAntennas[i] = u.numAntennas;
            streamsPerUe[i] = u.numStreams;
            noise[i] = noisePowerW;
            serving[i] = u.association.servingCell();
            h[i] = csi ? u.csiChannel : u.trueChannel;
        }
        int[] m = new int[numCells];
        double[] p = new double[numCells];
        java.util.Arrays.fill(m, config.bsAntennas());
        java.util.Arrays.fill(p, config.bsPowerW());
        return Problem.builder().bsAntennas(m).bsPowerW(p).ueAntennas(ueAntennas).streams(streamsPerUe)
                .noisePowerW(noise).servingBs(serving).channels(h).build();
    }

    /** @return the true channel H_ic of UE {@code id} to cell {@code cell} in the current slot (a copy) */
    public ZMatrixRMaj trueChannel(int id, int cell) {
        return state(id).trueChannel[cell].copy();
    }

    /** @return the large-scale gain G_ic of UE {@code id} to cell {@code cell} in dB in the current slot */
    public double largeScaleGainDb(int id, int cell) {
        return state(id).gainsDb[cell];
    }

    /** @return the serving cell of UE {@code id} */
    public int servingCell(int id) {
        return state(id).association.servingCell();
    }

    private UeState state(int id) {
        UeState u = ues.get(id);
        if (u == null) {
            throw new IllegalArgumentException("ue: no UE with id " + id);
        }
        return u;
    }

    /** Per-UE state: its links to every cell and site. */
    private final class UeState {
        final int id;
        final Terminal terminal;
        final int numAntennas;
        final int numStreams;
        final double[] gainsDb = new double[numCells];
        final ZMatrixRMaj[] trueChannel = new ZMatrixRMaj[numCells];
        final ZMatrixRMaj[] csiChannel = new ZMatrixRMaj[numCells];
        final LinkFading[] fading = new LinkFading[numCells];
        final LinkCsi[] csi = new LinkCsi[numCells];
        UeShadowing shadowing;
        UeAssociation association;
        Position position;
        Position lastPosition;
        double lastTravelledM;
        double speedMps;
        boolean handover;
        boolean fadingStarted;

        UeState(int id, Terminal terminal, int numAntennas, int numStreams) {
            this.id = id;
            this.terminal = terminal;
            this.numAntennas = numAntennas;
            this.numStreams = numStreams;
            int m = config.bsAntennas();
            for (int c = 0; c < numCells; c++) {
                trueChannel[c] = new ZMatrixRMaj(numAntennas, m);
                csiChannel[c] = new ZMatrixRMaj(numAntennas, m);
                fading[c] = config.fading().newLink(numAntennas, m, streams.stream(StreamNames.fadingLink(id, c)));
                csi[c] = config.csi().newLink(numAntennas, m, streams.stream(StreamNames.csiLink(id, c)));
            }
            shadowing = config.shadowing().start(numSites, streams.stream(StreamNames.shadowingUe(id)),
                    site -> streams.stream(StreamNames.shadowingLink(id, site)));
        }

        void largeScale() {
            position = terminal.position();
            if (position == null) {
                throw new IllegalStateException("ue " + id + ": the terminal gave no position");
            }
            double speed = terminal.speedMps();
            double travelled = terminal.travelledDistanceM();
            double moved;
            if (lastPosition == null) {
                moved = 0;
            } else if (Double.isNaN(travelled)) {
                moved = position.distanceM(lastPosition);
            } else {
                moved = Math.max(0, travelled - lastTravelledM);
            }
            if (Double.isNaN(speed)) { // the host does not know it: displacement over the slot
                speed = lastPosition == null ? 0 : position.distanceM(lastPosition) / config.slotDurationS();
            } else if (!(speed >= 0) || Double.isInfinite(speed)) {
                throw new IllegalStateException("ue " + id + ": speed must be finite and >= 0 m/s, got " + speed);
            }
            speedMps = speed;
            lastPosition = position;
            lastTravelledM = Double.isNaN(travelled) ? 0 : travelled;
            shadowing.advance(moved);
            config.largeScale().gainsDb(position, shadowing, gainsDb);
        }

        void smallScale() {
            for (int c = 0; c < numCells; c++) {
                if (fadingStarted) {
                    fading[c].advance(config.slotDurationS(), speedMps);
                }
                fading[c].writeInto(trueChannel[c]);
                double g = Math.pow(10, gainsDb[c] / 10);
                double amplitude = Math.sqrt(g);
                double[] d = trueChannel[c].data;
                for (int e = 0; e < trueChannel[c].getDataLength(); e++) {
                    d[e] *= amplitude;
                }
                csi[c].update(trueChannel[c], g, csiChannel[c]);
            }
            fadingStarted = true;
        }

        void associate() {
            if (association == null) {
                association = config.association().start(gainsDb);
                handover = false;
            } else {
                handover = association.update(gainsDb);
            }
        }
    }
}
