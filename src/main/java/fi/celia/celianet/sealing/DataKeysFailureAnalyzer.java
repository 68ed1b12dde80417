package fi.celia.celianet.sealing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in one line what is wrong with the data keys, instead of a stack trace. */
class DataKeysFailureAnalyzer extends AbstractFailureAnalyzer<DataKeysException> {

    static final String ACTION =
            "Set CELIANET_DATA_KEYS as the README's configuration table describes (seal:id:key,index:id:key).";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataKeysException cause) {
        return new FailureAnalysis(cause.getMessage(), ACTION, cause);
    }
}
