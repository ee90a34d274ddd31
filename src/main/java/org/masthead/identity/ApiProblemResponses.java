package org.masthead.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 of the admin API as RFC 9457 problem documents, with the Bearer challenge of RFC 6750. */
final class ApiProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> unauthorized(request, response, null,
                "Send a personal access token: Authorization: Bearer <token>.");
    }

    AccessDeniedHandler accessDenied() {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"masthead\", error=\"insufficient_scope\"");
            write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "The token's scopes do not cover this request.");
        };
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, @org.jspecify.annotations.Nullable String error,
            String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"masthead\"" + (error == null ? "" : ", error=\"" + error + "\""));
        write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail) throws IOException {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
