package dev.inspector.domain.resolution;

/**
 * One byte per server-gate cell: bit 0 is the verdict, bits 1-3 the {@link Decider} ordinal.
 * A byte keeps a 10,000 × 500 matrix at 5 MB and lets whole tenant rows be copied at once.
 */
final class Cells {

    static final byte KILLSWITCH_OFF = of(Decider.KILLSWITCH, false);
    static final byte NOT_FOUND_OFF = of(Decider.NOT_FOUND, false);

    private Cells() {
    }

    static byte of(Decider decider, boolean enabled) {
        return (byte) (decider.ordinal() << 1 | (enabled ? 1 : 0));
    }

    static boolean enabled(byte cell) {
        return (cell & 1) != 0;
    }

    static Decider decider(byte cell) {
        return Decider.ofOrdinal(cell >>> 1);
    }
}
