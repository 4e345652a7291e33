package dev.assistants4j.model.file;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * What a file is for: an open enumeration. Uploads accept {@link #ASSISTANTS}, {@link #BATCH},
 * {@link #FINE_TUNE}, {@link #VISION}, {@link #USER_DATA} and {@link #EVALS}; the others are set by the server.
 */
public final class FilePurpose extends OpenEnum {

	/** Files for the tools of assistants and threads. */
	public static final FilePurpose ASSISTANTS = new FilePurpose("assistants");

	/** Files the tools of a run wrote, such as a code interpreter's output. */
	public static final FilePurpose ASSISTANTS_OUTPUT = new FilePurpose("assistants_output");

	/** Input of the Batch API. */
	public static final FilePurpose BATCH = new FilePurpose("batch");

	/** Output of the Batch API. */
	public static final FilePurpose BATCH_OUTPUT = new FilePurpose("batch_output");

	/** Training data for fine-tuning. */
	public static final FilePurpose FINE_TUNE = new FilePurpose("fine-tune");

	/** Results of fine-tuning. */
	public static final FilePurpose FINE_TUNE_RESULTS = new FilePurpose("fine-tune-results");

	/** Images for vision fine-tuning or for message content. */
	public static final FilePurpose VISION = new FilePurpose("vision");

	/** Files for any purpose. */
	public static final FilePurpose USER_DATA = new FilePurpose("user_data");

	/** Data sets for evals. */
	public static final FilePurpose EVALS = new FilePurpose("evals");

	private FilePurpose(String value) {
		super(value);
	}

	/**
	 * Returns the purpose for a wire value, known or not.
	 * @param value the wire value
	 * @return the purpose
	 */
	@JsonCreator
	public static FilePurpose of(String value) {
		return new FilePurpose(value);
	}

}
