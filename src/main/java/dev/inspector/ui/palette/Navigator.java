package dev.inspector.ui.palette;

import java.util.List;
import java.util.UUID;

/**
 * Where the palette (and the jumps from a flag) can take the admin; the composition root knows
 * the screens and implements it.
 */
public interface Navigator {

    /** The flag selected in Release Control, its history below it. */
    void flag(String key);

    /** The Tenant Matrix narrowed to the flag's column. */
    void matrixColumn(String key);

    /** The Gate Simulator with the flag chosen. */
    void simulate(String key);

    /** The Tenants view with the tenant picked and, if given, one of its members. */
    void tenant(UUID tenantId, UUID userId);

    /** The window's own actions (new flag, connect, theme, shortcuts, …). */
    List<PaletteEntry> actions();
}
