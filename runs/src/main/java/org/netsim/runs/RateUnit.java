package org.netsim.runs;

/** Rate units at the edges of the program: the models work in nat/s/Hz. */
enum RateUnit {
    NAT("nat", 1.0), BIT("bit", 1.0 / Math.log(2.0));

    private final String label;
    private final double perNat;

    RateUnit(String label, double perNat) {
        this.label = label;
        this.perNat = perNat;
    }

    static RateUnit parse(String s) {
        return switch (s) {
            case "nat" -> NAT;
            case "bit" -> BIT;
            default -> throw new IllegalArgumentException("unit: expected nat or bit, got '" + s + "'");
        };
    }

    double fromNat(double nat) {
        return nat * perNat;
    }

    String label() {
        return label;
    }
}
