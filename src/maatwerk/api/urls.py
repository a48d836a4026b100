from ninja import NinjaAPI

api = NinjaAPI(title="Maatwerk API", version="1", urls_namespace="api")
