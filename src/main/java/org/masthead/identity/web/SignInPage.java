package org.masthead.identity.web;

import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;

/** The sign-in form; {@code problem} is the message key of why the last attempt failed. */
public record SignInPage(NewsroomChrome chrome, String username, @Nullable String problem, boolean signedOut) {
}
