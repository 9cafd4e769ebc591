from fastapi import FastAPI
from google.cloud import storage

app = FastAPI()
bucket = storage.Client().bucket("x")
