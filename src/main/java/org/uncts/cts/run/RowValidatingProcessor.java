package org.uncts.cts.run;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.validate.RowOutcome;
import org.uncts.cts.validate.RowValidator;

/** Every row read becomes exactly one outcome (accepted or rejected): the processor never filters. */
public class RowValidatingProcessor implements ItemProcessor<RawObservation, RowOutcome> {

    private final RowValidator validator;

    public RowValidatingProcessor(RowValidator validator) {
        this.validator = validator;
    }

    @Override
    public RowOutcome process(RawObservation item) {
        return validator.validate(item);
    }
}
