package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * The detail level at which the model sees an image: an open enumeration.
 */
public final class ImageDetail extends OpenEnum {

	/** The model chooses (the default). */
	public static final ImageDetail AUTO = new ImageDetail("auto");

	/** Low resolution, fewer tokens. */
	public static final ImageDetail LOW = new ImageDetail("low");

	/** High resolution. */
	public static final ImageDetail HIGH = new ImageDetail("high");

	private ImageDetail(String value) {
		super(value);
	}

	/**
	 * Returns the detail level for a wire value, known or not.
	 * @param value the wire value
	 * @return the detail level
	 */
	@JsonCreator
	public static ImageDetail of(String value) {
		return new ImageDetail(value);
	}

}
