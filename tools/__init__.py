"""The assistant's abilities as LangChain tools, and the router that picks them.

Arrives with the assistant issue; planning/ already holds the functions they will call.
"""
