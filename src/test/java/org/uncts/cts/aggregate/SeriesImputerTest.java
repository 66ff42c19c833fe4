package org.uncts.cts.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SeriesImputerTest {

    @Test
    void interpolatesInsideAndCarriesAtTheEnds() {
        TreeMap<Integer, Double> s = new TreeMap<>();
        s.put(2012, 2.0);
        s.put(2016, 4.0);
        List<SeriesImputer.Imputed> out = SeriesImputer.impute(s, 2008, 2020, 3);
        // 2009..2011 carried back (2008 is 4 years out), 2013..2015 = 2.5, 3.0, 3.5, 2017..2019 carried forward
        assertEquals(List.of(2009, 2010, 2011, 2013, 2014, 2015, 2017, 2018, 2019),
                out.stream().map(SeriesImputer.Imputed::year).toList());
        assertEquals(2.5, out.get(3).rate(), 1e-12);
        assertEquals(3.0, out.get(4).rate(), 1e-12);
        assertEquals(3.5, out.get(5).rate(), 1e-12);
        assertEquals("interpolation", out.get(3).method());
        assertEquals("2012=2.0, 2016=4.0", out.get(3).basis());
        assertEquals("carry_backward", out.get(0).method());
        assertEquals(2.0, out.get(0).rate(), 1e-12);
        assertEquals("carry_forward", out.get(8).method());
        assertEquals(4.0, out.get(8).rate(), 1e-12);
    }

    @Test
    void noCarryingWhenTurnedOff() {
        TreeMap<Integer, Double> s = new TreeMap<>();
        s.put(2015, 1.0);
        assertEquals(List.of(), SeriesImputer.impute(s, 2014, 2016, 0));
    }
}
