package dev.assistants4j.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed on an invalid {@code openai.assistants.*} property: which property, what a
 * valid value is, and how to fix it.
 */
class InvalidAssistantsPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAssistantsPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidAssistantsPropertyException cause) {
		String description = "The configuration property '" + cause.getProperty() + "' is invalid: it "
				+ cause.getReason() + ".";
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
