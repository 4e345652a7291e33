package dev.assistants4j.client;

/**
 * How the token is sent.
 */
public enum AuthHeaderStyle {

	/** {@code Authorization: Bearer <token>}, as OpenAI and most compatible servers expect. */
	BEARER,

	/** {@code api-key: <token>}, as Azure-style servers expect. */
	API_KEY

}
