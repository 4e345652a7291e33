package dev.assistants4j.model;

/**
 * Sort order of a list by the objects' {@code created_at} timestamp.
 */
public enum SortOrder {

	/** Oldest first. */
	ASC("asc"),

	/** Newest first (the server's default). */
	DESC("desc");

	private final String value;

	SortOrder(String value) {
		this.value = value;
	}

	/**
	 * Returns the value sent as the {@code order} query parameter.
	 * @return {@code asc} or {@code desc}
	 */
	public String value() {
		return this.value;
	}

}
