package org.netsim.simcore;

import org.netsim.radio.geometry.Position;
import sim.field.continuous.Continuous2D;
import sim.util.Double2D;

/**
 * How a host's MASON field coordinates map to the network's metres. MASON's continuous fields and displays have
 * y pointing down (screen convention) with the origin at the top-left corner; the network's plane has y pointing
 * up (north). A field point (u, v) is the network position
 *
 * <pre>
 *   x = westXM + u metresPerUnit,    y = northYM - v metresPerUnit      [m]
 * </pre>
 *
 * so a field of width W and height H covers [westXM, westXM + W s] x [northYM - H s, northYM] with s the metres per
 * unit, and a display that fits the field fits that rectangle of the network too: host portrayals and the
 * network's portrayal line up. Immutable.
 *
 * @param westXM network x of the field's left edge (u = 0), metres
 * @param northYM network y of the field's top edge (v = 0), metres
 * @param metresPerUnit metres per field unit, &gt; 0
 */
public record FieldFrame(double westXM, double northYM, double metresPerUnit) {

    /** Validates the fields. */
    public FieldFrame {
        if (!Double.isFinite(westXM) || !Double.isFinite(northYM)) {
            throw new IllegalArgumentException("field frame: westXM and northYM must be finite, got " + westXM
                    + ", " + northYM);
        }
        if (!(metresPerUnit > 0) || Double.isInfinite(metresPerUnit)) {
            throw new IllegalArgumentException("metresPerUnit: must be finite and > 0, got " + metresPerUnit);
        }
    }

    /** @return the network position of field point {@code p} */
    public Position toPosition(Double2D p) {
        return new Position(westXM + p.x * metresPerUnit, northYM - p.y * metresPerUnit);
    }

    /** @return the field point of network position {@code p} */
    public Double2D toField(Position p) {
        return new Double2D((p.xM() - westXM) / metresPerUnit, (northYM - p.yM()) / metresPerUnit);
    }

    /**
     * A terminal that reads {@code agent}'s location in {@code field} each slot; its speed is left to the network
     * (distance between consecutive slots over the slot duration, see {@link Terminal#speedMps()}).
     *
     * @param field the host's field holding the agent
     * @param agent the host's agent
     * @return the agent as a UE of the network
     * @throws IllegalStateException (when the network reads it) if the agent is not in the field
     */
    public Terminal terminal(Continuous2D field, Object agent) {
        return Terminal.of(() -> {
            Double2D p = field.getObjectLocation(agent);
            if (p == null) {
                throw new IllegalStateException("terminal: agent " + agent + " is not in the field");
            }
            return toPosition(p);
        });
    }
}
