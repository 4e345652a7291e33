package dev.assistants4j.client;

/**
 * Operations on threads ({@code /threads}).
 */
public interface ThreadOperations {

}
