package org.uncts.cts.validate.checks;

import java.sql.SQLException;
import org.uncts.cts.validate.catalogue.Rule;

/** The check behind one rule kind, run once per rule over the whole cycle's accepted observations. */
public interface CycleCheck {

    void run(CycleData data, Rule rule, FindingSink sink) throws SQLException;
}
