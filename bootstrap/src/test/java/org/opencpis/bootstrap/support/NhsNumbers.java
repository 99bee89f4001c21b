package org.opencpis.bootstrap.support;

/** Valid (Modulus 11) NHS numbers, generated in order from a nine-digit start, for tests that need many. */
public final class NhsNumbers {
    private long next;

    public NhsNumbers(long firstNine) {
        this.next = firstNine;
    }

    public String next() {
        while (true) {
            String nine = Long.toString(next++);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return nine + check;
            }
        }
    }
}
