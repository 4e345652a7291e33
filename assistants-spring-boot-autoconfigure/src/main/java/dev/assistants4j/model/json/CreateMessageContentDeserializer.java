package dev.assistants4j.model.json;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.std.StdDeserializer;

import dev.assistants4j.model.message.CreateMessageRequest.Content;
import dev.assistants4j.model.message.InputPart;

/**
 * Decodes the content of a new message, which is either a bare string or an array of parts, so that a server
 * (such as the emulator) reads requests with the same model the client writes them with.
 */
final class CreateMessageContentDeserializer extends StdDeserializer<Content> {

	CreateMessageContentDeserializer() {
		super(Content.class);
	}

	@Override
	public Content deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		JsonNode node = context.readTree(parser);
		if (node.isString()) {
			return Content.of(node.stringValue());
		}
		List<InputPart> parts = new ArrayList<>();
		for (JsonNode part : node.isArray() ? node : List.<JsonNode>of()) {
			if (!part.isNull()) {
				parts.add(context.readTreeAsValue(part, InputPart.class));
			}
		}
		if (parts.isEmpty()) {
			return context.reportInputMismatch(Content.class,
					"Message content must be a string or a non-empty array of parts, not " + node.getNodeType());
		}
		return Content.of(parts);
	}

}
