package org.uncts.cts.reference;

/**
 * One ICCS category.
 *
 * @param code       the code as text, leading zeros kept ("0101")
 * @param label      the ICCS name of the category
 * @param level      1 to 4, from the code's length (2, 4, 5 or 6 digits)
 * @param parentCode the longest proper prefix of the code that is itself a loaded code
 *                   (so 07041 hangs under 07 when 0704 is not loaded), or null for a section
 */
public record IccsCode(String code, String label, int level, String parentCode) {

    /** ICCS level of a code from its length: 2, 4, 5, 6 digits give levels 1 to 4; anything else 0. */
    public static int levelOf(String code) {
        if (code == null || code.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return 0;
            }
        }
        return switch (code.length()) {
            case 2 -> 1;
            case 4 -> 2;
            case 5 -> 3;
            case 6 -> 4;
            default -> 0;
        };
    }
}
